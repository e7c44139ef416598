"""Cursor pagination over the primary key: a row never shows twice nor is skipped while
records are published or edited between two pages, and no page costs an OFFSET scan."""

import re

from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
KEY = re.compile(r"[0-9]{1,18}")  # a bigint primary key, ASCII digits only


class KeyCursorPagination(CursorPagination):
    ordering = ("pk",)
    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def decode_cursor(self, request):
        cursor = super().decode_cursor(request)
        # DRF checks the cursor's offset but not its position, which goes into the query:
        # a forged cursor with a position that is not a key would be a database error (500).
        # DRF's own message, which its catalogues translate.
        if cursor and cursor.position is not None and not KEY.fullmatch(cursor.position):
            raise NotFound(self.invalid_cursor_message)
        return cursor
