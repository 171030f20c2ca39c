"""Signed updates of the installed program, from the central server or a folder.

``publish`` signs bundles into a TUF repository (release side); ``client``
checks and downloads them with TUF's ngclient; ``install`` puts a verified
bundle beside the current version and switches to it only after its own
self-test passes; ``layout`` knows where versions live and which one starts.
"""
