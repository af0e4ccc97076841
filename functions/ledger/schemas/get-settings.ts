/** Request schemas of ledger/get-settings (named by the route table through its handler): it takes no input. */
export const schemas = {};
