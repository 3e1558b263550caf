#!/usr/bin/env python3
"""Adds or replaces resource strings in a fi/sv/en resx trio.

usage: build/add-strings.py path/to/XStrings.resx < lines
Each line is "Key|Finnish|Swedish|English"; lines starting with # are skipped.
In a text, \\n is a new line and \\| a literal bar.
"""
import html, re, sys

base = sys.argv[1].removesuffix('.resx')
rows = [[f.replace('\x00', '|') for f in l.rstrip('\n').replace('\\n', '\n').replace('\\|', '\x00').split('|')] for l in sys.stdin if l.strip() and not l.startswith('#')]
for row in rows:
    if len(row) != 4:
        sys.exit(f'expected 4 fields: {row}')
for index, suffix in ((1, ''), (2, '.sv'), (3, '.en')):
    path = base + suffix + '.resx'
    text = open(path, encoding='utf-8').read()
    for row in rows:
        entry = f'  <data name="{row[0]}" xml:space="preserve"><value>{html.escape(row[index], quote=False)}</value></data>\n'
        pattern = re.compile(r'  <data name="' + re.escape(row[0]) + r'"[^>]*>.*?</data>\n', re.S)
        text, count = pattern.subn(lambda _: entry, text)
        if count == 0:
            text = text.replace('</root>', entry + '</root>')
    open(path, 'w', encoding='utf-8').write(text)
