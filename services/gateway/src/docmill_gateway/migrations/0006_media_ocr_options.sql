-- Uploads may be PNG, JPEG or TIFF images as well as PDFs, each with seed 001's OCR
-- preferences. A NULL preference means "the pipeline's default when the page is read".
ALTER TABLE documents
    ADD COLUMN media_type               text NOT NULL DEFAULT 'application/pdf',
    ADD COLUMN ocr_mode                 text CHECK (ocr_mode IN ('fast', 'high_accuracy')),
    ADD COLUMN output_format            text CHECK (output_format IN ('raw', 'paragraph')),
    ADD COLUMN language_hint            text,
    ADD COLUMN auto_language_detection  boolean;
