/** The streams the CLI talks through; tests pass in-memory ones. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}
