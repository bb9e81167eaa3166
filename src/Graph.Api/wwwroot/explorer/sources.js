import { escapeHtml } from './common.js';

/** A citation as a link to its document, narrowed to the paragraph cited: what else that paragraph supports. */
export const citation = (source) => `<a href="#" class="citation" data-document="${escapeHtml(source.document.id)}" data-paragraph="${source.paragraph}"
  title="Everything this paragraph supports">${escapeHtml(source.document.name)}, ¶${source.paragraph}</a>`;
export const sourcesOf = (relationship) => relationship.sources.map(citation).join('; ');
