// The requests beyond LSP (server/src/protocol.ts): profiles and snippets for the drafting commands, the letter for the preview.
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import type { ImrDocument } from '../../../engine/src';
import type { ServerContext } from '../context';
import { imrDocument } from '../documents';
import {
  IMR_REQUESTS,
  type DocumentParams,
  type ProfilesResult,
  type RenderParams,
  type RenderResult,
  type TemplateParams,
  type TemplateResult,
} from '../protocol';

export function registerRequests(context: ServerContext): void {
  const { connection, service } = context;
  connection.onRequest(IMR_REQUESTS.profiles, (): Promise<ProfilesResult> => service.profiles());
  connection.onRequest(IMR_REQUESTS.template, async (params: TemplateParams): Promise<TemplateResult> => {
    if (params.kind === 'determination') return (await service.determinationTemplate(params.profile)) ?? null;
    return service.itemTemplate(documentOf(context, params));
  });
  connection.onRequest(IMR_REQUESTS.render, async (params: RenderParams): Promise<RenderResult> => {
    const document = documentOf(context, params);
    if (params.mode === 'export') return { html: await service.exportHtml(document, { fileName: params.fileName, printSummary: params.printSummary }) };
    const rendered = await service.render(document, 'preview');
    return { html: rendered.html, ...(params.withStyles ? { styles: service.letterStyles } : {}) };
  });
}

/** The open document the request names, with the text the server holds; else the text the request carries. */
function documentOf(context: ServerContext, params: DocumentParams): ImrDocument {
  const open = context.documents.get(params.uri);
  if (open) return imrDocument(open);
  if (typeof params.text !== 'string')
    throw new ResponseError(ErrorCodes.InvalidParams, `${params.uri} is not open in the IMR language server, and no text was sent.`);
  return imrDocument({ uri: params.uri, languageId: params.languageId ?? 'markdown', getText: () => params.text! });
}
