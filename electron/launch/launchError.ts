// A reason npm start / npm run dev could not go on, in words for the person at the terminal.
export class LaunchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LaunchError';
  }
}
