/**
 * Top-level domains after which X counts a bare domain ("example.com", "t.co/x") as a link of 23
 * characters. The country codes are complete (ISO 3166, as in twitter-text's tld list); the generic ones
 * are the common subset: a bare domain under a rarer generic TLD is counted as its plain length, so a post
 * that mentions one may count a few characters short. Links written with http(s):// are always recognised.
 */
const COUNTRY_CODES =
  'ac ad ae af ag ai al am an ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br bs bt bv bw by bz ' +
  'ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg eh er es et eu fi fj fk fm fo fr ' +
  'ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ' +
  'ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo mp mq mr ms mt ' +
  'mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw ' +
  'sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tp tr tt tv tw tz ' +
  'ua ug uk um us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw';

const GENERIC =
  'com net org edu gov mil int info biz name pro mobi asia aero coop museum jobs travel tel app dev page blog shop store ' +
  'online site website tech cloud ai xyz top club live news media link click email space store studio design art agency ' +
  'digital network solutions services company group world today life social wiki one global fun games video music photo ' +
  'photos pics tv academy education school university events team work works careers money finance bank capital ' +
  'health care consulting marketing ltd llc inc gmbh plus zone tools systems software codes run fyi guru ninja rocks ' +
  'london nyc paris berlin tokyo amsterdam';

/** Lower-case TLDs (see the module comment for what is and is not listed). */
export const LINK_TLDS: ReadonlySet<string> = new Set(`${COUNTRY_CODES} ${GENERIC}`.split(/\s+/));
