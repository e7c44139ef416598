"""Template fragments built once and used again.

`{% cached_for row in rows %}...{% endcached_for %}`: a for loop whose body, rendered for
one row, comes from the fragment cache (scoculture.fragment_cache) on anonymous public pages.
The body must depend only on the row, the language and the date (no request, user or forloop).
It is filed under the template and line of the loop; a body with blocks (a list page's card,
which each list fills in) also under the page's own template.

`{% rendered_once [value ...] %}...{% endrendered_once %}`: a body that depends only on the
language and the given values (the site's navigation and footer: links and translated text,
no content, no request), rendered once per process for each and kept by the template node.
"""

from django import template
from django.template.loader_tags import BlockNode
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.safestring import mark_safe

from scoculture.fragment_cache import render_rows

register = template.Library()


class CachedForNode(template.Node):
    def __init__(self, loopvar, sequence, nodelist):
        self.loopvar = loopvar
        self.sequence = sequence
        self.nodelist = nodelist
        self.filled_by_page = bool(nodelist.get_nodes_by_type(BlockNode))

    def fragment(self, context):
        name = f"{self.origin.template_name}:{self.token.lineno}"
        return f"{context.template.name}>{name}" if self.filled_by_page else name

    def render(self, context):
        rows = self.sequence.resolve(context, ignore_failures=True)
        if rows is None:
            rows = []  # not "or []": that would run a queryset with its prefetches

        def render_row(row):
            with context.push({self.loopvar: row}):
                return self.nodelist.render(context)

        state = getattr(context.get("request"), "public_generation", None)
        if state is None:
            return "".join(render_row(row) for row in rows)
        return "".join(render_rows(rows, render_row, state=state, fragment=self.fragment(context)))


class RenderedOnceNode(template.Node):
    def __init__(self, values, nodelist):
        self.values = values
        self.nodelist = nodelist
        # Held by the node, so a template reloaded in development starts afresh; a handful
        # of entries (languages times the values' few forms), each written whole.
        self.rendered = {}

    def render(self, context):
        values = (value.resolve(context) for value in self.values)
        key = (translation.get_language(), get_script_prefix(), *values)
        html = self.rendered.get(key)
        if html is None:
            html = self.rendered[key] = self.nodelist.render(context)
        return mark_safe(html)


@register.tag
def rendered_once(parser, token):
    values = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endrendered_once",))
    parser.delete_first_token()
    return RenderedOnceNode(values, nodelist)


@register.tag
def cached_for(parser, token):
    bits = token.split_contents()
    if len(bits) != 4 or bits[2] != "in":
        raise template.TemplateSyntaxError(f"'{bits[0]}' takes the form: row in rows")
    nodelist = parser.parse(("endcached_for",))
    parser.delete_first_token()
    return CachedForNode(bits[1], parser.compile_filter(bits[3]), nodelist)
