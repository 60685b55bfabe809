"""Change flags: a slider step re-syncs no widget besides the figures that changed; hidden views
catch up when shown; scores and comments move no chart (Anki's OpChanges habit)."""

from __future__ import annotations

from test_options import choose_option, discard_on_close, drag_slider, flush, open_options  # noqa: F401

from specplan.domain import edits


def spy(monkeypatch, calls: list[str], obj, name: str, label: str) -> None:
    """Count calls of ``obj.name`` under ``label`` (the method still runs)."""
    original = getattr(obj, name)

    def counted(*args, **kwargs):
        calls.append(label)
        return original(*args, **kwargs)
    monkeypatch.setattr(obj, name, counted)


def tab(window, name):
    index = next(n for n in range(window.tabs.count()) if window.tabs.tabText(n) == name)
    window.tabs.setCurrentIndex(index)
    return window.tabs.widget(index)


def test_a_slider_drag_resyncs_only_the_figures_that_changed(qtbot, window, monkeypatch):
    doc = window.document
    view = open_options(window)
    choose_option(qtbot, view, "Community first")
    flush(qtbot, window)
    calls: list[str] = []
    for widget, label in ((view.option_list, "option list"), (view.lever_list, "lever list"),
                          (view.editor, "lever editor"), (view.goal_seek, "goal seek")):
        spy(monkeypatch, calls, widget, "sync", label)
    for name in ("target_share", "reinvest_share", "double_running_share"):
        spy(monkeypatch, calls, view.editor.controls[name], "set_share", f"{name} control")
    spy(monkeypatch, calls, view, "refresh", "figures")
    summary_before = view.summary.text()
    slider = view.editor.controls["target_share"].slider

    drag_slider(qtbot, slider, [35, 40, 45], lambda: flush(qtbot, window))
    flush(qtbot, window)

    assert doc.plan.scenario("Community first").levers[0].target_share == slider.value() / 100
    resynced = {label for label in calls if label != "figures"}
    assert resynced == set()  # not the lists, not the editor, not the control that sent it
    assert calls.count("figures") >= 3 and view.summary.text() != summary_before
    assert f"Shift {slider.value()}%" in view.lever_list.list.item(0).text()  # its words follow
    assert f"Shift {slider.value()}%" in view.editor.heading.text()

    # An undo is not the slider's own echo: every control shows the plan again.
    calls.clear()
    doc.undo_stack.undo()
    flush(qtbot, window)
    assert doc.plan.scenario("Community first").levers[0].target_share == 0.30
    assert slider.value() == 30 and "lever editor" in calls
    assert view.summary.text() == summary_before


def test_a_hidden_view_catches_up_when_shown(qtbot, window, monkeypatch):
    doc = window.document
    compare = tab(window, "Compare")
    flush(qtbot, window)
    calls: list[str] = []
    spy(monkeypatch, calls, compare, "refresh", "compare")
    tab(window, "Overview")
    doc.try_apply(edits.set_lever, "Community first", 0, "target_share", 0.5)
    flush(qtbot, window)
    assert calls == []  # hidden: nothing drawn
    tab(window, "Compare")
    assert calls == ["compare"]


def test_scores_and_statuses_move_no_chart(qtbot, window, monkeypatch):
    doc = window.document
    overview = tab(window, "Overview")
    flush(qtbot, window)
    calls: list[str] = []
    spy(monkeypatch, calls, overview, "refresh", "overview")
    spy(monkeypatch, calls, doc.engine, "compute", "engine")
    doc.try_apply(edits.set_status, "Community first", "endorsed")
    flush(qtbot, window)
    assert "overview" not in calls
    assert doc.plan.review.status("Community first") == "endorsed"
    doc.try_apply(edits.set_lever, "Community first", 0, "target_share", 0.41)
    flush(qtbot, window)
    assert "overview" in calls
