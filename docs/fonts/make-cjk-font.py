"""Builds src/main/resources/fonts/JianduSerifSC-Regular.ttf, the font of the case dossier (PDF).

Source: Noto Serif CJK SC Regular (SIL Open Font License 1.1), as Debian's fonts-noto-cjk installs it.
Kept: ASCII, GB2312 (6,763 hanzi and its punctuation), characters of given names that GB2312 lacks
(NAMES, below: a dossier must print a person's name), the CJK and general punctuation blocks and the
full-width forms — 2.8 MB. Every hanzi of U+4E00–U+9FA5 would make 9.4 MB; any other character prints
as □ in the dossier (the .docx files use the reader's fonts and show everything). Its CFF outlines become TrueType (quadratic) outlines, which PDFBox embeds and subsets
well; the family is renamed because the OFL asks a modified font not to carry the original's name.

    pip install fonttools==4.66.1
    python3 docs/fonts/make-cjk-font.py /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc
"""
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTCollection, newTable

OUT = "src/main/resources/fonts/JianduSerifSC-Regular.ttf"
FAMILY = "Jiandu Serif SC"
# Frequent in given names, outside GB2312 (those already in it are harmless here). Add a character a
# dossier printed as □ and run this script again.
NAMES = ("堃喆昇珺玥琤旻晞暐祎禕甯赟翀璟瑄琇玙瑀芃彧犇垚镕頔瑨瑢璠璿瑧瑷璘璨瑒瓅啟堉塬奭婼嬿孖崟"
         "昀昶晗晟晢晧晳暘曌杺栎桢橦歆沄沣洹浛浠涴淏湉澍灏炅炘烜焓煊燚燊盺祯禛秭稹竑筠筱箐緃纭缇翊"
         "翚翾芊苡荞莜菡蓁虓衎袆褀訸谞贇逍遒邴郅铄锟锴锶镛阆闿霁霈韫颢飏骞龑骉羴猋龘昳翯䶮玹珝珵琎琭"
         "瑔璕璙璩瓒珽琡琸瑱璎翃翮翥羿鋆鋐錤鍀堇埙垣埕埥婷嫚嬛姝姞妍媞嫱嫄婳娉淏溍潆澂濬炤熳燏燿")


def characters():
    chars = set(range(0x20, 0x7F)) | set(range(0x2000, 0x2070)) | set(range(0x3000, 0x3040))
    chars |= set(range(0xFF01, 0xFF5F)) | {0xA0, 0xB7, 0xD7, 0x25A1, 0x2116, 0x2103} | {ord(c) for c in NAMES}
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([high, low]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return chars


def simplified_chinese(path):
    for font in TTCollection(path).fonts:
        if "SC" in font["name"].getDebugName(1):
            return font
    raise SystemExit("no SC face in " + path)


def to_truetype(font):
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    for table in ("VORG", "vhea", "vmtx"):
        if table in font:
            del font[table]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        width, _ = hmtx[name]
        hmtx[name] = (width, getattr(glyph, "xMin", 0))
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones",):
        setattr(maxp, field, 1)
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    post = font["post"]
    post.formatType = 3.0
    font.sfntVersion = "\000\001\000\000"


def rename(font):
    names = font["name"]
    names.names = [n for n in names.names if n.nameID in (0, 7, 13, 14)]
    for name_id, text in ((1, FAMILY), (2, "Regular"), (3, FAMILY + " Regular"), (4, FAMILY + " Regular"),
                          (5, "Version 1.0; subset of Noto Serif CJK SC 2.001"), (6, "JianduSerifSC-Regular")):
        names.setName(text, name_id, 3, 1, 0x409)


def main(source):
    font = simplified_chinese(source)
    options = Options()
    options.layout_features = []
    options.hinting = False
    options.desubroutinize = True
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx", "DSIG"]
    subsetter = Subsetter(options)
    subsetter.populate(unicodes=characters())
    subsetter.subset(font)
    to_truetype(font)
    rename(font)
    font.save(OUT)


if __name__ == "__main__":
    main(sys.argv[1])
