"""Simplified Chinese (简体中文) catalogs: one module per English catalog module, same keys and fields.

Terms follow the glossary (:mod:`analysis.messages.glossary`), so a course term is
translated the same way on every page.
"""
