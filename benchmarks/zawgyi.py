"""Compare Zawgyi → Unicode converters and measure the detector's probabilities.

Why this script exists: Burmese news is still published in the Zawgyi font encoding,
which reuses Myanmar code points for other letters; the clean stage converts it to
Unicode. Which converter and which detector threshold to use were chosen with the
numbers this prints (README, "Why these libraries").

Method. Invented Unicode Burmese sentences (below, none taken from any article) are
turned into Zawgyi by every converter that has a Unicode → Zawgyi direction; every
converter then reads every one of those Zawgyi forms back, and a sentence counts as
correct when it comes back byte-identical to the Unicode original (after NFC). Using
every encoder, not one, keeps a converter from being graded only on its own output.
Hand-checked Zawgyi words (written from the Zawgyi font's glyph table) are a second,
encoder-free test. The detector's Zawgyi probability is printed for the Unicode and
Zawgyi forms of every sentence, and of every word, to pick the threshold.

Converters that are not installed are skipped; install them into a scratch
environment to compare (``pip install myanmartools pyicu-wheels python-myanmar
paraencoder mmfont``)::

    python benchmarks/zawgyi.py
"""

from __future__ import annotations

import importlib
import unicodedata
from collections.abc import Callable

#: Invented sentences in Unicode Burmese about cyber cooperation, with the stacked
#: consonants, kinzi, medials and tone marks that make the two encodings differ.
SENTENCES = (
    "မြန်မာနိုင်ငံ ဆိုက်ဘာလုံခြုံရေး ကော်မတီ၏ အစည်းအဝေးကို နေပြည်တော်တွင် ကျင်းပခဲ့သည်။",
    "ဂျပန်နိုင်ငံနှင့် မြန်မာနိုင်ငံတို့သည် ဆိုက်ဘာရာဇဝတ်မှု တိုက်ဖျက်ရေးတွင် ပူးပေါင်းဆောင်ရွက်ရန် သဘောတူခဲ့ကြသည်။",
    "ပြည်ထောင်စုဝန်ကြီး ဦးအောင်မြင့်က အွန်လိုင်းလိမ်လည်မှုများကို ကာကွယ်ရန် ပြည်သူများအား သတိပေးပြောကြားသည်။",
    "၂၀၂၄ ခုနှစ် မတ်လ ၁၅ ရက်နေ့တွင် အာဆီယံ ဒီဂျစ်တယ် ဝန်ကြီးများ အစည်းအဝေး ကျင်းပမည်ဖြစ်သည်။",
    "ကျွန်ုပ်တို့သည် သတင်းအချက်အလက်နည်းပညာ ဘေးကင်းလုံခြုံရေးအတွက် လေ့ကျင့်မှုများ ပြုလုပ်ခဲ့သည်။",
    "ဥက္ကဋ္ဌက မင်္ဂလာပါဟု နှုတ်ခွန်းဆက်စကား ပြောကြားပြီး ကုလသမဂ္ဂနှင့် ပူးပေါင်းမည်ဟု ဆိုသည်။",
    "ရန်ကုန်မြို့ရှိ ရဲတပ်ဖွဲ့သည် ငွေကြေးခဝါချမှုနှင့် ဆက်စပ်သော လူငယ် ခြောက်ဦးကို ဖမ်းဆီးခဲ့သည်။",
    "ထိုင်းနှင့် လာအိုနယ်စပ်ရှိ လိမ်လည်ရေးစခန်းများမှ နိုင်ငံခြားသားများကို ကယ်ဆယ်ခဲ့ကြောင်း သိရသည်။",
    "ဆက်သွယ်ရေးနှင့် သတင်းအချက်အလက်ဝန်ကြီးဌာနသည် ကွန်ပျူတာအရေးပေါ်တုံ့ပြန်ရေးအဖွဲ့ (mmCERT) နှင့် ညှိနှိုင်းခဲ့သည်။",
    "စင်္ကာပူ၊ ဗီယက်နမ်၊ ဖိလစ်ပိုင်၊ အင်ဒိုနီးရှား၊ မလေးရှားနှင့် ကမ္ဘောဒီးယားတို့မှ ကိုယ်စားလှယ်များ တက်ရောက်ကြသည်။",
    "ဗုဒ္ဓဘာသာ သတ္တဝါ ပစ္စည်း ကိစ္စ ဝိဇ္ဇာ သဒ္ဒါ အန္တရာယ် ဗဟိုဌာန ကမ္ဘာ့ဘဏ်",
    "ကြိုဆိုပါသည်။ ကျေးဇူးတင်ပါသည်။ နှုတ်ဆက်ပါသည်။",
    "ဖေ့စ်ဘုတ်၊ တယ်လီဂရမ်နှင့် တစ်တော့ခ်ပေါ်ရှိ အတုအယောင် ကြော်ငြာများကို ဖယ်ရှားရန် တောင်းဆိုခဲ့သည်။",
    "ဆိုက်ဘာတိုက်ခိုက်မှုများသည် ဘဏ်များ၊ ဆေးရုံများနှင့် အစိုးရဝက်ဘ်ဆိုက်များကို ထိခိုက်စေသည်။",
    "သူက “အာဆီယံအဖွဲ့ဝင်နိုင်ငံများ ပိုမိုနီးကပ်စွာ ပူးပေါင်းရမည်” ဟု ပြောသည်။",
    "ပြည်ထဲရေးဝန်ကြီးဌာန၏ ထုတ်ပြန်ချက်အရ အွန်လိုင်းလောင်းကစားဝိုင်း ၂၀ ကို ပိတ်သိမ်းခဲ့သည်။",
)

#: Unicode → Zawgyi pairs written by hand from the Zawgyi glyph table (medial ra and
#: the vowel e come first, asat is U+1039, short na is U+108F, ra + ii is U+1080).
HAND_CHECKED = (
    ("မြန်မာနိုင်ငံ", "ျမန္မာႏိုင္ငံ"),
    ("ကြီး", "ႀကီး"),
    ("ပြည်ထောင်စု", "ျပည္ေထာင္စု"),
    ("ဆိုက်ဘာ", "ဆိုက္ဘာ"),
    ("နေပြည်တော်", "ေနျပည္ေတာ္"),
    ("သတင်း", "သတင္း"),
    ("ရေး", "ေရး"),
)

#: Zawgyi as typists write it → Unicode: the same word in the several orders and glyph
#: variants the Zawgyi font renders alike (no encoder produces all of them).
TYPED_VARIANTS = (
    ("လုံ", "လုံ"),
    ("လံု", "လုံ"),
    ("ရွိ", "ရှိ"),
    ("ရိွ", "ရှိ"),
    ("ဖြဲ႕", "ဖွဲ့"),
    ("ဖြဲ႔", "ဖွဲ့"),
    ("ႏွင့္", "နှင့်"),
    ("ႏွင့္", "နှင့်"),
    ("ကမၻာ", "ကမ္ဘာ"),
    ("႐ုံ", "ရုံ"),
    ("ပ်ဴ", "ပျူ"),
    ("ၿခဳံ", "ခြုံ"),
    ("ေၾကး", "ကြေး"),
    ("သတၱဝါ", "သတ္တဝါ"),
    ("ကၽြန္ုပ္", "ကျွန်ုပ်"),
    ("ညႇိ", "ညှိ"),
    ("မွု", "မှု"),
    ("မႈ", "မှု"),
)

Converter = Callable[[str], str]


def _icu(direction: str) -> Converter | None:
    try:
        icu = importlib.import_module("icu")
    except ImportError:
        return None
    transform = icu.Transliterator.createInstance(direction)
    return lambda text: str(transform.transliterate(text))


def _python_myanmar(source: str, target: str) -> Converter | None:
    try:
        converter = importlib.import_module("myanmar.converter")
    except ImportError:
        return None
    return lambda text: str(converter.convert(text, source, target))


def _mmfont(name: str) -> Converter | None:
    try:
        converter = importlib.import_module("mmfont.converter")
    except ImportError:
        return None
    return getattr(converter, name)  # type: ignore[no-any-return]


def _para() -> Converter | None:
    try:
        para = importlib.import_module("para")
    except ImportError:
        return None
    return lambda text: str(para.zg_to_unicode(text, force=True))


def converters() -> tuple[dict[str, Converter], dict[str, Converter]]:
    """Available ``(to_unicode, to_zawgyi)`` converters by name."""
    to_unicode = {
        "ICU Zawgyi-my": _icu("Zawgyi-my"),
        "python-myanmar": _python_myanmar("zawgyi", "unicode"),
        "mmfont": _mmfont("zg12uni51"),
        "paraencoder": _para(),
    }
    to_zawgyi = {
        "ICU my-Zawgyi": _icu("my-Zawgyi"),
        "python-myanmar": _python_myanmar("unicode", "zawgyi"),
        "mmfont": _mmfont("uni512zg1"),
    }
    return (
        {k: v for k, v in to_unicode.items() if v is not None},
        {k: v for k, v in to_zawgyi.items() if v is not None},
    )


def main() -> None:
    nfc = lambda s: unicodedata.normalize("NFC", s)  # noqa: E731
    to_unicode, to_zawgyi = converters()
    print(f"{len(SENTENCES)} invented sentences; rows: Zawgyi made by; columns: read back by")
    print("encoder".ljust(18) + "".join(name.ljust(18) for name in to_unicode))
    for enc_name, encode in to_zawgyi.items():
        cells = []
        for decode in to_unicode.values():
            right = sum(nfc(decode(encode(s))) == nfc(s) for s in SENTENCES)
            cells.append(f"{right}/{len(SENTENCES)}".ljust(18))
        print(enc_name.ljust(18) + "".join(cells))
    print("hand-checked Zawgyi words read back (table / typists' variants):")
    for dec_name, decode in to_unicode.items():
        right = sum(nfc(decode(z)) == nfc(u) for u, z in HAND_CHECKED)
        typed = sum(nfc(decode(z)) == nfc(u) for z, u in TYPED_VARIANTS)
        print(f"  {dec_name.ljust(18)}{right}/{len(HAND_CHECKED)}  {typed}/{len(TYPED_VARIANTS)}")
    for enc_name, encode in to_zawgyi.items():
        right = sum(encode(u) == z for u, z in HAND_CHECKED)
        print(f"  encoder {enc_name}: {right}/{len(HAND_CHECKED)} equal to the hand-written form")

    try:
        detector = importlib.import_module("myanmartools").ZawgyiDetector()
    except ImportError:
        return
    encode = next(iter(to_zawgyi.values()))
    print("detector: Zawgyi probability of runs of n words (Unicode and Zawgyi forms)")
    for n in (1, 2, 3, 4, 0):
        runs = set()
        for sentence in SENTENCES:
            words = sentence.split()
            size = n or len(words)
            runs.update(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))
        texts = sorted(runs)
        uni = [detector.get_zawgyi_probability(t) for t in texts]
        zg = [detector.get_zawgyi_probability(encode(t)) for t in texts if encode(t) != t]
        print(
            f"  {n or 'all'} words: {len(texts)} runs ({len(texts) - len(zg)} identical in both); "
            f"Unicode max p={max(uni):.3g}; Zawgyi min p={min(zg):.6g}; "
            f"Zawgyi below 0.999: {sum(p < 0.999 for p in zg)}; "
            f"Unicode above 0.001: {sum(p > 0.001 for p in uni)}"
        )


if __name__ == "__main__":
    main()
