package io.portico.shell.internal;

import io.portico.api.secrets.SecretBox;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Command(scope = "portico", name = "secret-seal", description = "Encrypts a secret for a .cfg file or config:property-set;"
        + " prompts for it when no argument is given, so it stays out of the shell history")
@Service
public class SecretSealCommand implements Action {

    @Reference
    private SecretBox secrets;

    @Reference
    private Session session;

    @Argument(description = "The secret (omit to be prompted)")
    private String secret;

    @Override
    public Object execute() throws Exception {
        String plain = secret != null ? secret : session.readLine("Secret: ", '*');
        System.out.println(secrets.seal(plain));
        return null;
    }
}
