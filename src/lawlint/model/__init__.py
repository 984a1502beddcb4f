"""The document model: a Source made into lines, headings and parts (document,
sections, title), the jieba segmenter shared by the checks, and the loaded Rule and
Pack values (rules). Imports only the input stage and the top-level leaves."""
