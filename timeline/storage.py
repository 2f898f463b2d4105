from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Compressed files with hashed names once `collectstatic` has written its manifest.

    Before that (tests, a first run with DEBUG off) the manifest is empty and the plain names are
    used, served by WhiteNoise from the finders, so a page never fails on a missing entry.
    """

    def stored_name(self, name):
        if not self.hashed_files:
            return name
        return super().stored_name(name)
