// Expands a VS Code snippet the way accepting every placeholder would: defaults kept, one option of each choice taken.
export interface Expansion {
  text: string;
  /** Tab stop numbers in the order they appear. */
  stops: number[];
}

/**
 * `choose` picks a choice's option; `fill` replaces a placeholder's default text (the default is kept when it gives
 * undefined). A stop written again (`${2}`) mirrors the text its first occurrence got, as VS Code does.
 */
export function expandSnippet(
  snippet: string,
  choose: (options: string[], stop: number) => string = (options) => options[0],
  fill: (text: string, stop: number) => string | undefined = () => undefined,
): Expansion {
  let at = 0;
  const stops: number[] = [];
  const values = new Map<number, string>();
  const read = (until?: string): string => {
    let out = '';
    while (at < snippet.length) {
      if (until && snippet.startsWith(until, at)) {
        at += until.length;
        return out;
      }
      const character = snippet[at];
      if (character === '\\' && at + 1 < snippet.length) {
        out += snippet[at + 1];
        at += 2;
        continue;
      }
      if (character === '$') {
        const rest = snippet.slice(at);
        const bare = /^\$(\d+)/.exec(rest) ?? /^\$\{(\d+)\}/.exec(rest);
        if (bare) {
          stops.push(Number(bare[1]));
          at += bare[0].length;
          out += values.get(Number(bare[1])) ?? '';
          continue;
        }
        const placeholder = /^\$\{(\d+):/.exec(rest);
        if (placeholder) {
          const stop = Number(placeholder[1]);
          stops.push(stop);
          at += placeholder[0].length;
          const written = read('}');
          const value = fill(written, stop) ?? written;
          values.set(stop, value);
          out += value;
          continue;
        }
        const choice = /^\$\{(\d+)\|/.exec(rest);
        if (choice) {
          const stop = Number(choice[1]);
          stops.push(stop);
          at += choice[0].length;
          const value = choose(readOptions(), stop);
          values.set(stop, value);
          out += value;
          continue;
        }
        throw new Error(`unescaped $ at ${at}: ${rest.slice(0, 20)}`);
      }
      if (character === '}' && until) throw new Error(`unexpected } at ${at}`);
      out += character;
      at++;
    }
    if (until) throw new Error(`unterminated placeholder, expected ${until}`);
    return out;
  };
  const readOptions = (): string[] => {
    const options: string[] = [];
    let current = '';
    while (at < snippet.length) {
      const character = snippet[at];
      if (character === '\\') {
        current += snippet[at + 1];
        at += 2;
      } else if (character === ',') {
        options.push(current);
        current = '';
        at++;
      } else if (snippet.startsWith('|}', at)) {
        at += 2;
        options.push(current);
        return options;
      } else {
        current += character;
        at++;
      }
    }
    throw new Error('unterminated choice');
  };
  const text = read();
  return { text, stops };
}
