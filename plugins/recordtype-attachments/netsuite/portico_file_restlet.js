/**
 * Portico: one File Cabinet file's content, for the attachments plugin.
 * GET ?id=5001 answers {"id","name","fileType","size","encoding","contents"}: "base64" for binary files (as
 * file.getContents() gives them), "utf-8" for text files. Files over 10 MB cannot be read this way; the plugin never
 * asks for files over its own limit (10 MB by default).
 * Deploy as customscript_portico_file / customdeploy_portico_file for the integration's role.
 * Not yet run against a real account: check it in a sandbox account before production.
 *
 * @NApiVersion 2.1
 * @NScriptType Restlet
 * @NModuleScope SameAccount
 */
define(['N/file', 'N/error'], (file, error) => {
    const TEXT = ['PLAINTEXT', 'CSV', 'HTMLDOC', 'XMLDOC', 'JSON', 'JAVASCRIPT', 'STYLESHEET', 'SCSS', 'XSD',
        'FREEMARKER', 'CONFIG', 'MESSAGERFC'];

    const get = (params) => {
        const id = String(params.id || '').trim();
        if (!/^\d+$/.test(id)) {
            throw error.create({name: 'INVALID_PARAMETER', message: 'id must be the internal id of a file.'});
        }
        const f = file.load({id});
        return {
            id,
            name: f.name,
            fileType: f.fileType,
            size: f.size,
            encoding: TEXT.indexOf(String(f.fileType)) >= 0 ? 'utf-8' : 'base64',
            contents: f.getContents(),
        };
    };

    return {get};
});
