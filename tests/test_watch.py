"""``drafter watch``: rebuilds on save, survives broken saves, stops cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

from drafter.watch import rebuild, watch
from regen_helpers import copy_example, english, replace_in, texts


def wait_for(condition, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_a_broken_outline_is_reported_not_raised(tmp_path):
    english()
    outline, output = copy_example(tmp_path), tmp_path / "out.docx"
    good = outline.read_text(encoding="utf-8")
    for half_saved in ("", good + "\nrecipients: [Văn phòng"):
        outline.write_text(half_saved, encoding="utf-8")
        round_ = rebuild(outline, output)
        assert not round_.built and not output.exists()
        assert any(line.startswith(f"{outline}:") for line in round_.lines), round_.lines
    outline.unlink()  # an editor that deletes and re-creates the file
    round_ = rebuild(outline, output)
    assert not round_.built and "file not found" in round_.lines[0]
    outline.write_text(good, encoding="utf-8")
    round_ = rebuild(outline, output)
    assert round_.built and output.exists()
    assert round_.lines[-2].startswith(f"Built {output}")
    # the example keeps the reference draft's slips: the check summary says so
    assert round_.lines[-1].startswith("Checks: 1 error(s), 4 warning(s)"), round_.lines


def test_watch_rebuilds_after_every_save(tmp_path):
    english()
    outline, output = copy_example(tmp_path), tmp_path / "out.docx"
    lines: list[str] = []
    stop = threading.Event()
    worker = threading.Thread(
        target=watch, args=(outline, output), kwargs={"echo": lines.append, "stop": stop}
    )
    worker.start()
    try:
        assert wait_for(lambda: any("Watching" in line for line in lines))
        built = sum("Built" in line for line in lines)
        replace_in(outline, "hoàn thành chỉ tiêu giao quân", "hoàn thành 100% chỉ tiêu giao quân")
        assert wait_for(lambda: sum("Built" in line for line in lines) > built)
        assert any("100% chỉ tiêu" in t for t in texts(output))

        good = outline.read_text(encoding="utf-8")
        outline.write_text("title: [chưa xong", encoding="utf-8")
        assert wait_for(lambda: any("waiting for the next save" in line for line in lines))
        built = sum("Built" in line for line in lines)
        outline.write_text(good.replace("100% chỉ tiêu", "toàn bộ chỉ tiêu"), encoding="utf-8")
        assert wait_for(lambda: sum("Built" in line for line in lines) > built)
        assert any("toàn bộ chỉ tiêu" in t for t in texts(output))
    finally:
        stop.set()
        worker.join(timeout=15)
    assert not worker.is_alive()
    assert lines[-1].startswith("Stopped watching")


def test_the_line_after_each_rebuild_counts_warnings_and_notes_too(tmp_path):
    """A slip that is only a warning ("của của") shows in the summary after the
    rebuild, in Vietnamese by default, next to the errors and the notes."""
    outline, output = tmp_path / "ctr.yaml", tmp_path / "out.docx"
    outline.write_text(
        "type: chuong-trinh\nissuer: {level: ban-thuong-vu-tinh-uy, province: Hậu Giang}\n"
        "date: 2024\ntitle: công tác quý I năm 2024\nsections:\n"
        "  - Tổ chức hội nghị của cán bộ chủ chốt.\n",
        encoding="utf-8",
    )
    lines: list[str] = []
    stop = threading.Event()
    worker = threading.Thread(
        target=watch, args=(outline, output), kwargs={"echo": lines.append, "stop": stop}
    )
    worker.start()
    try:
        assert wait_for(lambda: any("Đang theo dõi" in line for line in lines))
        assert lines[1].endswith("Kiểm tra: không phát hiện vấn đề nào."), lines
        seen = len(lines)
        replace_in(outline, "nghị của cán bộ", "nghị của của cán bộ")
        assert wait_for(lambda: any("Kiểm tra:" in line for line in lines[seen:]))
    finally:
        stop.set()
        worker.join(timeout=15)
    (summary,) = [line for line in lines[seen:] if "Kiểm tra:" in line]
    assert "Kiểm tra: 0 lỗi, 1 cảnh báo, 0 lưu ý" in summary, summary
    assert "drafter check" in summary  # and how to see the warning


def test_ctrl_c_stops_cleanly(tmp_path):
    outline = copy_example(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "drafter", "--lang", "en", "watch", str(outline),
         "-o", str(tmp_path / "out.docx")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if "Watching" in line:
                break
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert "Stopped watching" in out
    assert "Traceback" not in err
