/**
 * Portico: the files attached to records, for the attachments plugin.
 * GET ?type=invoice&ids=1,2,3 (at most 100 ids; type "customer" searches customers, anything else transactions)
 * answers {"items":[{"transaction","file_id","file_name","file_type","file_url"}]}.
 * Deploy as customscript_portico_attachments / customdeploy_portico_attachments for the integration's role.
 * Not yet run against a real account: check it in a sandbox account before production.
 *
 * @NApiVersion 2.1
 * @NScriptType Restlet
 * @NModuleScope SameAccount
 */
define(['N/search', 'N/error'], (search, error) => {
    const MAX_IDS = 100;

    const get = (params) => {
        const ids = String(params.ids || '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
        if (ids.length > MAX_IDS || ids.some((s) => !/^\d+$/.test(s))) {
            throw error.create({name: 'INVALID_PARAMETER', message: 'ids must be at most 100 internal ids.'});
        }
        if (ids.length === 0) {
            return {items: []};
        }
        const customers = params.type === 'customer';
        const filters = [['internalid', 'anyof', ids], 'AND', ['file.internalid', 'noneof', '@NONE@']];
        if (!customers) {
            filters.push('AND', ['mainline', 'is', 'T']);
        }
        const fileColumn = (name) => search.createColumn({name, join: 'file'});
        const columns = [search.createColumn({name: 'internalid'}), fileColumn('internalid'), fileColumn('name'),
            fileColumn('filetype'), fileColumn('url')];
        const paged = search.create({type: customers ? search.Type.CUSTOMER : search.Type.TRANSACTION, filters, columns})
            .runPaged({pageSize: 1000});
        const items = [];
        paged.pageRanges.forEach((range) => {
            paged.fetch({index: range.index}).data.forEach((r) => {
                items.push({
                    transaction: r.getValue(columns[0]),
                    file_id: r.getValue(columns[1]),
                    file_name: r.getValue(columns[2]),
                    file_type: r.getValue(columns[3]),
                    file_url: r.getValue(columns[4]),
                });
            });
        });
        return {items};
    };

    return {get};
});
