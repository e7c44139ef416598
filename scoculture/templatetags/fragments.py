"""`{% cached_for row in rows %}...{% endcached_for %}`: a for loop whose body, rendered for
one row, comes from the fragment cache (scoculture.fragment_cache) on anonymous public pages.

The body must depend only on the row, the language and the date (no request, user or forloop).
It is filed under the template and line of the loop; a body with blocks (a list page's card,
which each list fills in) also under the page's own template.
"""

from django import template
from django.template.loader_tags import BlockNode

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


@register.tag
def cached_for(parser, token):
    bits = token.split_contents()
    if len(bits) != 4 or bits[2] != "in":
        raise template.TemplateSyntaxError(f"'{bits[0]}' takes the form: row in rows")
    nodelist = parser.parse(("endcached_for",))
    parser.delete_first_token()
    return CachedForNode(bits[1], parser.compile_filter(bits[3]), nodelist)
