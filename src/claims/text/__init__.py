"""Reading article files, blanking markup, and segmenting into paragraphs and sentences."""
