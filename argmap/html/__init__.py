"""`argmap html` and `argmap preview`: a map as a web page for readers, and live while writing.

`data` turns the model and its evaluation into what the page's script reads, `page`
writes the self-contained HTML (inline assets, strict Content-Security-Policy), `build`
makes one page or a whole site, and `preview` serves a page that redraws on every save.
"""
