// The sentence for anything unexpected. It is the contract's UNEXPECTED_MESSAGE, repeated here so
// the screens need not load the contract's schemas at start-up just for one string.
export const UNEXPECTED = 'Something went wrong; nothing was changed.';
