import { escapeHtml } from './common.js';

// The links the panel's lists are made of: to an entity (shown, with its neighbourhood), to a relationship (its
// details) and to a source (its document, narrowed to the paragraph cited). The panel handles their clicks.

export const entityLink = (entity) => `<a href="#" data-entity="${escapeHtml(entity.id)}">${escapeHtml(entity.name)}</a>`;

export const relationshipLink = (relationship) => `<a href="#" class="type" data-relationship="${escapeHtml(relationship.id)}"
  title="This relationship's details">${escapeHtml(relationship.type)}</a>`;

/** A citation as a link to its document, narrowed to the paragraph cited: what else that paragraph supports. */
export const citation = (source) => `<a href="#" class="citation" data-document="${escapeHtml(source.document.id)}" data-paragraph="${source.paragraph}"
  title="Everything this paragraph supports">${escapeHtml(source.document.name)}, ¶${source.paragraph}</a>`;

export const sourcesOf = (relationship) => relationship.sources.map(citation).join('; ');
