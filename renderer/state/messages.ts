// The sentence for anything unexpected, from shared/ipc.ts so the screens need not load the
// contract's schemas at start-up just for one string.
export { UNEXPECTED_MESSAGE as UNEXPECTED } from '../../shared/ipc';
