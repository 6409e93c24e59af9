// The preview's webview type, for the entry point to restore previews without loading the preview itself.
export const PREVIEW_VIEW_TYPE = 'imr.preview';
