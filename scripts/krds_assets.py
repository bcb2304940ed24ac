"""Builds portal/static/krds/ from an unpacked krds-uiux package (run by update-krds.sh, with
fontTools installed). Usage: krds_assets.py PACKAGE_DIR PORTAL_ROOT VERSION

- krds.css: KRDS's design tokens and common.css's own custom properties (its first :root
  block; the rest of common.css is a reset the portal's pages are not written for), then only
  the components the portal uses, cut out of the package's built component.css by their
  section comments. KRDS sizes in rem against a 10px
  root (html { font-size: 62.5% }); the portal keeps the browser's own root size (a reader's
  font-size setting must keep working), so every rem is rescaled by 10/16. The dark and
  high-contrast variants are left out: the portal has no such modes yet.
- img/: the icons those components refer to.
- fonts/ + fonts.css: Pretendard GOV Regular and Bold, sliced by unicode-range so that a
  browser downloads only the slices whose characters a page uses. Hangul is sliced by how often
  each syllable occurs in the portal's own Korean text (interface catalogue, demo content), so
  an ordinary page needs the first few slices only; the rest go by code point.
"""

import re
import shutil
import sys
from collections import Counter
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

COMPONENTS = [  # section comments of component.css, in the package's own (Korean) words
    "버튼 / 링크", "icon 버튼 사이즈", "**** button area ****", "탭", "표", "건너뛰기 링크",
    "페이지네이션", "브레드크럼", "배지", "tag style", "입력 필드 / 텍스트 영역", "셀렉트",
]  # not "라디오 버튼 / 체크박스": it hides every native checkbox, also those Django renders
LEFT_OUT = ("@media (prefers-color-scheme: dark)", "[data-krds-mode=high-contrast]")
WEIGHTS = {"Regular": 400, "Bold": 700}
LATIN = ([*range(0x20, 0x7F), *range(0xA0, 0x100), 0x131, 0x152, 0x153, 0x2C6, 0x2DA, 0x2DC,
          *range(0x2000, 0x2070), 0x20A9, 0x20AC, 0x2122, 0x2191, 0x2193, 0x2212, 0x2215, 0xFEFF,
          0xFFFD])
COMMON_SLICE = 120  # syllables per slice, in order of use in the portal
REST_SLICE = 400  # syllables per slice, in code-point order
HANGUL = range(0xAC00, 0xD7A4)


def sections(css: str) -> dict[str, str]:
    """component.css cut at its top-level section comments (a line of just ``/* name */``)."""
    parts = re.split(r"^/\* (.+?) \*/$", css, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def without_blocks(css: str, openers: tuple[str, ...]) -> str:
    """css without every rule or @media block whose header starts with one of openers."""
    out, i = [], 0
    pattern = re.compile("|".join(r"^\s*" + re.escape(o) for o in openers), re.M)
    while match := pattern.search(css, i):
        out.append(css[i:match.start()])
        depth, j = 0, css.index("{", match.start())
        while True:
            depth += {"{": 1, "}": -1}.get(css[j], 0)
            j += 1
            if depth == 0:
                break
        i = j
    out.append(css[i:])
    return "".join(out)


def rescaled(css: str) -> str:
    def scale(match: re.Match) -> str:
        value = float(match.group(1)) * 10 / 16
        return f"{value:.4f}".rstrip("0").rstrip(".") + "rem"
    return re.sub(r"(?<![\w.-])(-?\d*\.?\d+)rem\b", scale, css)


def minified(css: str) -> str:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r"\s*([{};,>])\s*", r"\1", css)
    return css.replace(";}", "}").strip() + "\n"


def build_css(package: Path, out: Path) -> None:
    resources = package / "resources"
    tokens = (resources / "css/token/krds_tokens.css").read_text()
    common = (resources / "css/common/common.css").read_text()
    tokens += re.search(r"^:root \{.*?^\}", common, flags=re.M | re.S).group(0)
    parts = sections((resources / "css/component/component.css").read_text())
    missing = [name for name in COMPONENTS if name not in parts]
    if missing:
        sys.exit(f"component.css has no section {missing}: update COMPONENTS.")
    css = tokens + "".join(parts[name] for name in COMPONENTS)
    css = rescaled(without_blocks(css, LEFT_OUT))
    icons = sorted(set(re.findall(r"url\(\.\./\.\./img/img/component/icon/([\w.-]+)\)", css)))
    css = re.sub(r"url\(\.\./\.\./img/img/component/icon/", "url(img/", css)
    (out / "img").mkdir()
    for icon in icons:
        shutil.copy(resources / "img/component/icon" / icon, out / "img" / icon)
    (out / "krds.css").write_text(minified(css))


def ranges(codepoints: list[int]) -> str:
    spans, start = [], None
    ordered = sorted(codepoints)
    for cp, following in zip(ordered, [*ordered[1:], None], strict=True):
        start = cp if start is None else start
        if following != cp + 1:
            spans.append(f"U+{start:X}" if start == cp else f"U+{start:X}-{cp:X}")
            start = None
    return ",".join(spans)


def syllables_by_use(root: Path) -> list[str]:
    texts = [root / "locale/ko/LC_MESSAGES/django.po", *root.glob("*/demo*.py"),
             *root.glob("*/demo_data/*.py"), *root.glob("*/templates/**/*.html")]
    counts = Counter(ch for path in texts for ch in path.read_text() if ord(ch) in HANGUL)
    return [ch for ch, _ in counts.most_common()]


def build_fonts(package: Path, root: Path, out: Path) -> None:
    fonts = package / "resources/fonts"
    available = set(TTFont(fonts / "PretendardGOV-Regular.subset.woff2").getBestCmap())
    by_use = [ord(ch) for ch in syllables_by_use(root) if ord(ch) in available]
    rest = sorted(cp for cp in available if cp in HANGUL and cp not in set(by_use))
    other = sorted(cp for cp in available if cp not in HANGUL and cp not in LATIN)
    slices = [("latin", [cp for cp in LATIN if cp in available]), ("symbols", other)]
    slices += [(f"ko{n:02}", by_use[i:i + COMMON_SLICE])
               for n, i in enumerate(range(0, len(by_use), COMMON_SLICE))]
    slices += [(f"ko-rest{n:02}", rest[i:i + REST_SLICE])
               for n, i in enumerate(range(0, len(rest), REST_SLICE))]
    (out / "fonts").mkdir()
    faces = []
    for weight_name, weight in WEIGHTS.items():
        source = fonts / f"PretendardGOV-{weight_name}.subset.woff2"
        for name, codepoints in slices:
            options = subset.Options()
            options.flavor = "woff2"
            font = TTFont(source, recalcTimestamp=False)  # same input, same bytes
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=codepoints)
            subsetter.subset(font)
            filename = f"PretendardGOV-{weight_name}.{name}.woff2"
            font.flavor = "woff2"
            font.save(out / "fonts" / filename)
            faces.append(
                f"@font-face{{font-family:'Pretendard GOV';font-style:normal;"
                f"font-weight:{weight};font-display:swap;src:url(fonts/{filename}) "
                f"format('woff2');unicode-range:{ranges(codepoints)}}}")
    (out / "fonts.css").write_text("\n".join(faces) + "\n")


def main() -> None:
    package, root, version = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    out = root / "portal/static/krds"
    kept = {"LICENSE", "OFL.txt"}  # written by hand: the package ships no licence file
    for child in out.iterdir() if out.exists() else []:
        if child.name not in kept:
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    out.mkdir(parents=True, exist_ok=True)
    build_css(package, out)
    build_fonts(package, root, out)
    (out / "VERSION").write_text(
        f"krds-uiux {version} (npm), ISC licence: see LICENSE. Fonts: Pretendard GOV from the "
        f"same package, SIL Open Font License 1.1: see OFL.txt.\n"
        f"Generated by scripts/update-krds.sh; do not edit by hand.\n")


if __name__ == "__main__":
    main()
