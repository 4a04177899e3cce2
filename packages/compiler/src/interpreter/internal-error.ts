// A fault of the interpreter itself (never a guest exception); the CLI reports it and exits with 4.
export class InternalError extends Error {}
