"""What an upload costs: validation plus renditions, per image size, in a fresh process each.

    .venv/bin/python bench/photos_benchmark.py
    .venv/bin/python bench/photos_benchmark.py --megapixels 12 40

For each size it makes a photo-like JPEG (smooth gradients plus sensor-like noise, quality 90),
then, in a fresh process, times `open_upload` (what the admin form runs) and `process` (what
saving the photo runs: upright, metadata stripped, original re-encoded, 3 sizes x WebP and
JPEG), and prints the growth of the peak resident memory and the bytes a visitor downloads.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_jpeg(megapixels, path):
    """A photo-like JPEG: smooth gradients plus sensor-like noise, quality 90."""
    from PIL import Image

    width = int((megapixels * 1e6 * 4 / 3) ** 0.5)
    height = int(megapixels * 1e6 / width)
    base = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    noise = Image.effect_noise((width, height), 24).convert("RGB")
    Image.blend(base, noise, 0.3).save(path, "JPEG", quality=90)


def peak_rss_kb():
    """VmHWM: unlike getrusage's ru_maxrss, it starts afresh at exec (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def measure(path):
    import io

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scoculture.settings.test")
    # Noisy test pictures compress worse than photographs: measure the pixels, not the cap.
    os.environ["PHOTOS_MAX_UPLOAD_BYTES"] = str(100 * 1024 * 1024)
    sys.path.insert(0, str(ROOT))
    django.setup()
    from photos import images
    from photos.placeholders import placeholder_image

    # Warm up (codecs, colour management) on the placeholder, which we time too.
    started = time.perf_counter()
    images.process(io.BytesIO(placeholder_image("Samarkand - Crossroad of Cultures", "UZ")))
    placeholder = time.perf_counter() - started
    upload = Path(path).read_bytes()
    rss_before = peak_rss_kb()

    started = time.perf_counter()
    probe = images.open_upload(io.BytesIO(upload))
    megapixels = probe.width * probe.height / 1e6
    probe.close()
    validated = time.perf_counter()
    processed = images.process(io.BytesIO(upload))
    done = time.perf_counter()
    rss_after = peak_rss_kb()
    card = processed.renditions["card"]
    return {
        "megapixels": round(megapixels, 1),
        "upload_kb": len(upload) // 1024,
        "validate_s": round(validated - started, 2),
        "process_s": round(done - validated, 2),
        "peak_rss_growth_mb": (rss_after - rss_before) // 1024,
        "card_webp_kb": round(len(card["webp"]) / 1024, 1),
        "card_jpeg_kb": round(len(card["jpeg"]) / 1024, 1),
        "detail_webp_kb": round(len(processed.renditions["detail"]["webp"]) / 1024, 1),
        "placeholder_s": round(placeholder, 2),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megapixels", type=float, nargs="+", default=[2, 12, 24, 40])
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    header = (
        f"{'MP':>5} {'upload':>8} {'validate':>9} {'process':>8} {'peak RSS+':>10} "
        f"{'card webp':>10} {'card jpeg':>10} {'detail webp':>12}"
    )
    print(header)
    placeholder_times = []
    for megapixels in args.megapixels:
        path = Path(tempfile.mkdtemp()) / "photo.jpg"
        make_jpeg(megapixels, path)
        output = subprocess.run(
            [sys.executable, __file__, "--one", str(path)],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        ).stdout
        shutil.rmtree(path.parent)
        row = json.loads(output.strip().splitlines()[-1])
        placeholder_times.append(row["placeholder_s"])
        print(
            f"{row['megapixels']:>5} {row['upload_kb']:>6}kB {row['validate_s']:>8}s "
            f"{row['process_s']:>7}s {row['peak_rss_growth_mb']:>8}MB "
            f"{row['card_webp_kb']:>8}kB {row['card_jpeg_kb']:>8}kB {row['detail_webp_kb']:>10}kB"
        )
    print(f"placeholder photo (1200x800, all renditions): {min(placeholder_times)}s each")


if __name__ == "__main__":
    main()
