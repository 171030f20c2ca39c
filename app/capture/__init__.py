"""Digitizing paper components: importing, scanning, cleaning and storing page images.

Nothing here imports Qt: the capture tray and camera preview in ``ui/`` sit
on top of these modules. Heavy libraries (numpy, OpenCV, PDFium) are
imported by the modules that need them, so importing the package is cheap.

``pages``     the lazily decoded ``Page`` every source produces
``sources``   files (JPEG, PNG, TIFF) with guards against hostile input
``pdfpages``  PDF files: scanned image pages taken as-is, others rasterised
``guards``    the size, pixel and page limits every file is held to
``watch``     a polling watcher for a scanner's output folder
``sane``      scanners: the shared interface and SANE ``scanimage`` (Linux)
``wia``       scanners on Windows through WIA 2.0's Automation layer
``clean``     whitening the paper, the colour / grey / black-and-white decision
``geometry``  skew, paper edges, perspective correction
``pdf``       one PDF per component: JPEG or CCITT G4 pages, metadata
``pipeline``  cleaning and encoding many pages on all cores
``store``     content-addressed, verified attachment store
``cover``     cover sheets and splitting a batch at them
``tray``      the ordered page list the clerk edits before saving
``ocr``       optional searchable text layer (OCRmyPDF + Tesseract)
"""
