/* Writes cmyk.jpg: a 48x40 four-component (CMYK) JPEG with a cyan left half and a magenta right half, the kind
 * of file print shops and some scanners produce. Kept so that the fixture can be regenerated:
 *   cc make_cmyk_jpeg.c -ljpeg -o make_cmyk_jpeg && ./make_cmyk_jpeg cmyk.jpg */
#include <stdio.h>
#include <jpeglib.h>

int main(int argc, char** argv)
{
    if (argc != 2)
        return 2;
    FILE* out = fopen(argv[1], "wb");
    if (!out)
        return 1;
    struct jpeg_compress_struct c;
    struct jpeg_error_mgr err;
    c.err = jpeg_std_error(&err);
    jpeg_create_compress(&c);
    jpeg_stdio_dest(&c, out);
    c.image_width = 48;
    c.image_height = 40;
    c.input_components = 4;
    c.in_color_space = JCS_CMYK;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, 95, TRUE);
    jpeg_start_compress(&c, TRUE);
    unsigned char row[48 * 4];
    while (c.next_scanline < c.image_height) {
        for (int x = 0; x < 48; ++x) {
            unsigned char* p = row + 4 * x;
            /* Stored inverted, as Photoshop and libjpeg's Adobe marker have it: 0 is full ink. */
            p[0] = x < 24 ? 0 : 255; /* C */
            p[1] = x < 24 ? 255 : 0; /* M */
            p[2] = 255;              /* Y */
            p[3] = 255;              /* K */
        }
        JSAMPROW rows[1] = {row};
        jpeg_write_scanlines(&c, rows, 1);
    }
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    fclose(out);
    return 0;
}
