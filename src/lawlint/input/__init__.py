"""Input: bytes to text. Finding the files (discovery), decoding them (reader),
reading Word documents (docx_package, docx_reader), Markdown and comment masking (markup).
The first stage of the flow; it knows nothing of rules or findings."""
