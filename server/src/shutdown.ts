// After `shutdown`, the protocol lets a client send only `exit`: other requests fail with InvalidRequest, other notifications are dropped.
import { ErrorCodes, ResponseError, type Connection, type Message, type MessageStrategy } from 'vscode-languageserver/node';

type NotificationResult = ReturnType<MessageStrategy['handleMessage']>;

/** Requests after shutdown are renamed to this method, whose handler refuses them. */
const REFUSED = 'imr/afterShutdown';

export class ShutdownGate implements MessageStrategy {
  private shutDown = false;

  handleMessage(message: Message, next: (message: Message) => NotificationResult): NotificationResult {
    const { method, id } = message as { method?: string; id?: unknown };
    if (!this.shutDown || method === 'exit' || method === undefined) {
      const result = next(message);
      if (method === 'shutdown' && id !== undefined) this.shutDown = true;
      return result;
    }
    // A request still gets its answer (an error); a notification is dropped.
    if (id !== undefined) return next({ ...message, method: REFUSED } as Message);
    return undefined;
  }

  /** Registers the handler that answers refused requests. */
  listen(connection: Connection): void {
    connection.onRequest(REFUSED, () => {
      throw new ResponseError(ErrorCodes.InvalidRequest, 'The server has shut down; it accepts only "exit".');
    });
  }
}
