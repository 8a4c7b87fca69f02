/**
 * A minimal Language Server Protocol client over stdio (JSON-RPC with
 * Content-Length framing), enough to drive `vscode-eslint-language-server`
 * the way an editor does: it answers the server's `workspace/configuration`
 * requests with the given settings, records `workspace/applyEdit` edits, and
 * keeps the server's log for failure messages.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

interface Message {
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface Diagnostic {
  range: Range;
  message: string;
  severity?: number;
  code?: string | number;
  source?: string;
}

export class LspError extends Error {}

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; method: string }>();
  /** `window/logMessage` texts and stderr, for failure messages. */
  readonly log: string[] = [];
  /** Every `workspace/applyEdit` the server asked for. */
  readonly appliedEdits: { changes?: Record<string, TextEdit[]>; documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[] }[] = [];
  private exited = false;

  constructor(command: string, args: string[], cwd: string, private readonly configuration: (scopeUri: string | undefined) => unknown) {
    this.child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => this.log.push(`stderr: ${chunk.toString()}`));
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      for (const { reject, method } of this.pending.values()) reject(new LspError(`server exited (${code ?? signal}) before answering ${method}\n${this.log.join('\n')}`));
      this.pending.clear();
    });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (this.exited) return reject(new LspError(`server has exited; cannot send ${method}`));
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, method });
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** shutdown + exit; kills the process if it has not exited within 10 s. */
  async close(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await Promise.race([this.request('shutdown', null), new Promise((resolve) => setTimeout(resolve, 10_000))]);
      this.notify('exit', null);
    } catch {
      // already gone
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      // A request from the server.
      let result: unknown = null;
      if (message.method === 'workspace/configuration') {
        const items = (message.params as { items: { scopeUri?: string }[] }).items;
        result = items.map((item) => this.configuration(item.scopeUri));
      } else if (message.method === 'workspace/applyEdit') {
        this.appliedEdits.push((message.params as { edit: LspClient['appliedEdits'][number] }).edit);
        result = { applied: true };
      }
      this.send({ id: message.id, result });
    } else if (message.method !== undefined) {
      if (message.method === 'window/logMessage') this.log.push((message.params as { message: string }).message);
    } else if (typeof message.id === 'number') {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(new LspError(`${waiting.method}: ${message.error.message}`));
      else waiting.resolve(message.result);
    }
  }
}

/** Offset of an LSP position (UTF-16 code units, like JavaScript strings) in `text`. */
export function offsetOf(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + position.character;
}

/** `text` with the edits applied (non-overlapping, as LSP requires). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = edits
    .map((edit) => ({ start: offsetOf(text, edit.range.start), end: offsetOf(text, edit.range.end), text: edit.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const edit of sorted) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}
