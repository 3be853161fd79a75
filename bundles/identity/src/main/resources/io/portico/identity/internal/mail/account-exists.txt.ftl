Hello,

Someone tried to register with this email address, but you already have an account.

Sign in: ${signIn}
Forgot your password? ${reset}

If it was not you, you can ignore this email.
