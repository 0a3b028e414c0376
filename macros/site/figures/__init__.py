"""Figures drawn at build time from the validated models, as inline SVG or HTML.

Plain SVG strings, no plotting library: the figures are a handful of boxes, bars
and arrows, and writing them directly keeps the site free of any extra
dependency, of any script in the reader's browser and of any request to
another host. Colours are CSS classes (see docs/assets/socle.css, block
« Figures ») so that light, dark and print schemes each keep their contrast;
text from data is XML-escaped by `svg.texte`.
"""
