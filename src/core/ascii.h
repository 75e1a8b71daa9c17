/* ascii: ASCII character classes for scanners of plan text, the same in every locale. */
#ifndef OAP_CORE_ASCII_H
#define OAP_CORE_ASCII_H

/* Why not <ctype.h>: its classes follow the locale (isalpha('\xE9') may be true in
 * Latin-1), so a byte of a UTF-8 sequence could read as a letter, and a negative char
 * passed to them is undefined behaviour. These accept any int and know only ASCII: no
 * byte of a UTF-8 sequence is a digit or a letter to them. */

static inline int oap_ascii_is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static inline int oap_ascii_is_upper(int c)
{
    return c >= 'A' && c <= 'Z';
}

static inline int oap_ascii_is_lower(int c)
{
    return c >= 'a' && c <= 'z';
}

static inline int oap_ascii_is_alpha(int c)
{
    return oap_ascii_is_upper(c) || oap_ascii_is_lower(c);
}

static inline int oap_ascii_is_alnum(int c)
{
    return oap_ascii_is_alpha(c) || oap_ascii_is_digit(c);
}

/* c with an ASCII capital made small; every other value as it is. */
static inline int oap_ascii_lower(int c)
{
    return oap_ascii_is_upper(c) ? c + ('a' - 'A') : c;
}

#endif
