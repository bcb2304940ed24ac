"""The bottom layer: helpers every app may use (bilingual fields, facets, exports, uploads,
redirects, messages, feeds). It imports no app of the project."""
