"""Submit an admin change form the way a browser would: read the page, fill in, post."""

from html.parser import HTMLParser

PREFIX = "photos-photo-content_type-object_id"


class _FormReader(HTMLParser):
    """Collects the successful controls of the page's main form (id ending in _form)."""

    def __init__(self):
        super().__init__()
        self.data = []
        self.in_form = False
        self.select = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("id") or "").endswith("_form"):
            self.in_form = True
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name and "__prefix__" not in name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self.data.append((name, attrs.get("value", default)))
        elif tag == "select" and name and "__prefix__" not in name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.data.append((self.select, attrs.get("value", "")))
        elif tag == "textarea" and name and "__prefix__" not in name:
            self.textarea = [name, ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.data.append(tuple(self.textarea))
            self.textarea = None


def form_data(html):
    """{name: value or [values]} of the page's form, as a browser would submit it."""
    reader = _FormReader()
    reader.feed(html)
    data = {}
    for name, value in reader.data:
        if name in data:
            data[name] = (
                [*data[name], value] if isinstance(data[name], list) else [data[name], value]
            )
        else:
            data[name] = value
    return data


def post_photo(client, url, file=None, **fields):
    """Open the change page, fill in the first empty gallery form, and save."""
    page = client.get(url)
    assert page.status_code == 200
    data = form_data(page.content.decode())
    index = int(data[f"{PREFIX}-INITIAL_FORMS"])
    row = f"{PREFIX}-{index}-"
    values = {"alt_text_en": "A courtyard in the morning", "position": "0", "is_lead": True}
    values.update(fields)
    for key, value in values.items():
        if value is True:
            data[row + key] = "on"
        elif value is not False and value is not None:
            data[row + key] = value
    if file is not None:
        data[row + "original"] = file
    data[f"{PREFIX}-TOTAL_FORMS"] = str(max(int(data[f"{PREFIX}-TOTAL_FORMS"]), index + 1))
    data["_continue"] = "Save"
    return client.post(url, data)


def inline_errors(response):
    """Every error of the gallery inline (and of the main form, which should have none)."""
    messages = [
        str(error)
        for errors in response.context["adminform"].form.errors.values()
        for error in errors
    ]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        messages += [str(error) for error in formset.non_form_errors()]
        for form in formset.forms:
            for errors in form.errors.values():
                messages += [str(error) for error in errors]
    return messages
