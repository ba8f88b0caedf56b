#!/usr/bin/env python3
"""Fills <translation> elements of a Qt .ts file from a TSV glossary (English source<TAB>translation).

Used after `cmake --build build --target poruch_ui_lupdate` adds new source strings: add their
translations to tools/i18n/uk.tsv and run this script; the test i18n_complete checks nothing is left.
Usage: fill_ts.py GLOSSARY.tsv FILE.ts [--identity]   (--identity: the translation equals the source, for en)
"""
import sys
import xml.etree.ElementTree as ET


def main():
    glossary_path, ts_path = sys.argv[1], sys.argv[2]
    identity = "--identity" in sys.argv
    glossary = {}
    if not identity:
        with open(glossary_path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if line and not line.startswith("#"):
                    source, translation = line.split("\t", 1)
                    glossary[source] = translation
    tree = ET.parse(ts_path)
    missing = []
    for message in tree.iter("message"):
        source = message.find("source").text or ""
        translation = message.find("translation")
        text = source if identity else glossary.get(source)
        if text is None:
            missing.append(source)
            continue
        translation.text = text
        translation.attrib.pop("type", None)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"untranslated: {source}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
