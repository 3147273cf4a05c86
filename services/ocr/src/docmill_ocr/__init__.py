"""docmill OCR worker: page text from the PDF text layer or Tesseract."""
