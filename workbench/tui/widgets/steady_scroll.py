"""Scroll views that repaint their scrollbars only when their geometry changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.geometry import Size

if TYPE_CHECKING:
    from textual.scroll_view import ScrollView

    _Base = ScrollView
else:
    # not a widget class itself: Textual takes CSS and component classes from the first
    # widget base, which must stay the scroll view this is mixed into
    _Base = object


class SteadyScrollbars(_Base):
    """Mixin, listed before a Textual scroll view: no scrollbar repaint after an idle layout.

    Textual's ``ScrollView`` compares the size the layout hands it (what is visible)
    with its own virtual size (its whole content), which differ in any list longer than
    its window, so every layout pass of the screen repaints its scrollbars: one more
    frame, about 25 ms after the one that showed the next event. Here the scrollbars
    are updated as before whenever the size, the container or the content changed
    since the last pass, and left alone when nothing did.
    """

    _geometry: tuple[Size, Size, Size] | None = None

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        geometry = (size, self.virtual_size, container_size)
        if geometry == self._geometry:
            # what Textual returns when only the virtual sizes differ (no Resize event)
            return self._container_size != container_size
        self._geometry = geometry
        return super()._size_updated(size, virtual_size, container_size, layout)
