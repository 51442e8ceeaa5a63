package org.jiefen.documents.layout;

/**
 * The page and the type sizes, in PDF points. Margins follow GB/T 9704 (公文格式): 37 mm top,
 * 35 mm bottom, 28 mm left, 26 mm right on A4; the header and footer sit in the top and bottom
 * margins. Body text is 四号 (14 pt) instead of the standard's 三号 (16 pt), so a line holds 31
 * characters and a two-page application stays two pages.
 */
public record PageGeometry(float width, float height, float top, float bottom, float left, float right) {

  static final float MM = 72f / 25.4f;

  static final float BODY_SIZE = 14f;
  static final float BODY_LEADING = 25f;
  static final float TITLE_SIZE = 22f;
  static final float TITLE_LEADING = 34f;
  static final float TABLE_SIZE = 12f;
  static final float TABLE_LEADING = 18f;
  static final float CELL_PADDING_X = 5f;
  static final float CELL_PADDING_Y = 4f;
  static final float HEADER_SIZE = 9f;
  static final float FOOTER_SIZE = 10.5f;
  static final float RULE_WIDTH = 0.6f;

  public static PageGeometry a4() {
    return new PageGeometry(595.28f, 841.89f, 37 * MM, 35 * MM, 28 * MM, 26 * MM);
  }

  float textWidth() {
    return width - left - right;
  }

  float textTop() {
    return height - top;
  }
}
