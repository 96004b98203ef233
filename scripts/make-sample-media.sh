#!/usr/bin/env bash
# make-sample-media.sh: generate hallcast's default sample media under assets/.
#
#   assets/video/*.mp4|*.webm  five 8.0 s clips: 1920x1080, 25 fps, bilingual title,
#                              a moving box, a progress bar, a running timecode and
#                              frame counter, and a quiet stereo chord (about -20 dBFS RMS)
#   assets/images/*.jpg        six 1920x1080 bilingual slides
#
# Requirements (Debian 12): ffmpeg, fonts-noto-cjk, fontconfig (fc-query), node >= 20
#   apt-get install -y ffmpeg fonts-noto-cjk
#
# Font: the Simplified Chinese (SC) faces of Noto Sans CJK from fonts-noto-cjk.
# Those faces sit inside .ttc collections. drawtext's fontfile= in Debian's
# ffmpeg 5.1 can only open face 0 (Noto Sans CJK JP, with Japanese glyph forms).
# So the script copies the SC faces out of the .ttc into temporary .otf files
# (the bytes are unchanged; only the table directory is rebuilt) and passes
# those to fontfile=.
#
# The script is idempotent and deterministic: running it again with the same
# ffmpeg, libx264, libvpx and libopus versions rewrites byte-identical files
# (bitexact flags, no metadata, fixed GOP, no scene-cut keyframes). It only
# writes the files listed below. Nothing else in assets/ is touched.
#
# Usage: scripts/make-sample-media.sh        (run from anywhere)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VIDEO_DIR="$ROOT/assets/video"
IMAGE_DIR="$ROOT/assets/images"
FONT_DIR="${HALLCAST_FONT_DIR:-/usr/share/fonts/opentype/noto}"

die() { echo "make-sample-media: $*" >&2; exit 1; }

for tool in ffmpeg fc-query node; do
  command -v "$tool" >/dev/null 2>&1 \
    || die "'$tool' not found (Debian: apt-get install -y ffmpeg fonts-noto-cjk fontconfig nodejs)"
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/hallcast-media.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
# Every path below goes into an ffmpeg filtergraph unquoted. Refuse anything
# that would need escaping there.
case "$WORK$ROOT" in
  *[!A-Za-z0-9._/-]*) die "paths must only use [A-Za-z0-9._/-]: $WORK $ROOT" ;;
esac

# --------------------------------------------------------------------------
# Fonts: pull the Noto Sans CJK SC faces out of the Debian .ttc collections.
# --------------------------------------------------------------------------

# extract_face <collection.ttc> <family> <out.otf>
extract_face() {
  local ttc="$1" family="$2" out="$3" index
  [[ -f "$ttc" ]] || die "missing $ttc (apt-get install -y fonts-noto-cjk)"
  index="$(fc-query -f '%{index}\t%{family[0]}\n' "$ttc" \
             | awk -F'\t' -v fam="$family" '$2 == fam { print $1; exit }')"
  [[ -n "$index" ]] || die "no face '$family' in $ttc"
  node --input-type=commonjs - "$ttc" "$index" "$out" <<'JS'
// Copy one face of a TrueType/OpenType collection into a standalone sfnt file.
const fs = require('fs');
const [src, indexArg, dst] = process.argv.slice(2);
const buf = fs.readFileSync(src);
const index = Number(indexArg);
let base = 0;
if (buf.toString('latin1', 0, 4) === 'ttcf') {
  const count = buf.readUInt32BE(8);
  if (!(index >= 0 && index < count)) throw new Error(`face ${index} out of range (${count})`);
  base = buf.readUInt32BE(12 + 4 * index);
} else if (index !== 0) {
  throw new Error('not a collection, only face 0 exists');
}
const numTables = buf.readUInt16BE(base + 4);
const tables = [];
let size = 12 + 16 * numTables;
for (let i = 0; i < numTables; i++) {
  const rec = base + 12 + 16 * i;
  const t = {
    tag: buf.toString('latin1', rec, rec + 4),
    checksum: buf.readUInt32BE(rec + 4),
    offset: buf.readUInt32BE(rec + 8),
    length: buf.readUInt32BE(rec + 12),
  };
  t.newOffset = size;
  size += (t.length + 3) & ~3;
  tables.push(t);
}
const out = Buffer.alloc(size);
buf.copy(out, 0, base, base + 12);            // sfnt version, numTables, search fields
let headOffset = -1;
tables.forEach((t, i) => {
  const rec = 12 + 16 * i;
  out.write(t.tag, rec, 'latin1');
  out.writeUInt32BE(t.checksum, rec + 4);
  out.writeUInt32BE(t.newOffset, rec + 8);
  out.writeUInt32BE(t.length, rec + 12);
  buf.copy(out, t.newOffset, t.offset, t.offset + t.length);
  if (t.tag === 'head') headOffset = t.newOffset;
});
if (headOffset >= 0) {                         // recompute head.checkSumAdjustment
  out.writeUInt32BE(0, headOffset + 8);
  let sum = 0;
  for (let i = 0; i < size; i += 4) sum = (sum + out.readUInt32BE(i)) >>> 0;
  out.writeUInt32BE((0xB1B0AFBA - sum) >>> 0, headOffset + 8);
}
fs.writeFileSync(dst, out);
JS
  [[ "$(fc-query -f '%{family[0]}' "$out")" == "$family" ]] \
    || die "extracted $out is not '$family'"
}

FONT_BOLD="$WORK/NotoSansCJKsc-Bold.otf"
FONT_REGULAR="$WORK/NotoSansCJKsc-Regular.otf"
FONT_MONO="$WORK/NotoSansMonoCJKsc-Regular.otf"
extract_face "$FONT_DIR/NotoSansCJK-Bold.ttc"    "Noto Sans CJK SC"      "$FONT_BOLD"
extract_face "$FONT_DIR/NotoSansCJK-Regular.ttc" "Noto Sans CJK SC"      "$FONT_REGULAR"
extract_face "$FONT_DIR/NotoSansCJK-Regular.ttc" "Noto Sans Mono CJK SC" "$FONT_MONO"

# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

FFMPEG=(ffmpeg -hide_banner -nostdin -loglevel error -y)
BITEXACT=(-fflags +bitexact -flags:v +bitexact -flags:a +bitexact -map_metadata -1 -map_chapters -1)
# RGB sources -> BT.709 limited-range yuv420p, tagged as such.
TO_YUV709="scale=out_color_matrix=bt709:out_range=tv,format=yuv420p"
COLOR_TAGS=(-color_primaries bt709 -color_trc bt709 -colorspace bt709 -color_range tv)

# text <string>: write the string to a file for drawtext textfile= (no escaping
# needed, whatever the punctuation) and print the path. Named by content hash,
# because callers run this in $(...) subshells.
text() {
  local f
  f="$WORK/text-$(printf '%s' "$1" | md5sum | cut -c1-16).txt"
  printf '%s' "$1" >"$f"
  printf '%s' "$f"
}

# draw <font> <size> <colour> <x> <y> <string>: one static drawtext filter.
draw() {
  printf 'drawtext=fontfile=%s:textfile=%s:expansion=none:fontsize=%s:fontcolor=%s:x=%s:y=%s' \
    "$1" "$(text "$6")" "$2" "$3" "$4" "$5"
}

# --------------------------------------------------------------------------
# Videos
# --------------------------------------------------------------------------

FPS=25
CLIP_SECONDS=8
FRAMES=$((FPS * CLIP_SECONDS))
# Three sine partials, each 0.0816 peak: together about -20 dBFS RMS per channel.
# Integer frequencies complete whole cycles in 8 s, so the clip loops without a click.
PARTIAL_AMP=0.0816

# make_video <out> <bg> <accent> <f1 f2 f3 Hz> <zh title> <en title>
make_video() {
  local out="$1" bg="$2" accent="$3" chord="$4" zh="$5" en="$6"
  local name ext f1 f2 f3 tmp
  name="$(basename "$out")"; ext="${name##*.}"; name="${name%.*}"
  read -r f1 f2 f3 <<<"$chord"
  tmp="$WORK/$name.$ext"

  local wave="$PARTIAL_AMP*(sin(2*PI*$f1*t)+sin(2*PI*$f2*t)+sin(2*PI*$f3*t))"
  local counter
  counter="$(text "%{pts:hms}  frame %{eif:n+1:d:3}/$FRAMES")"

  local graph
  graph="[0:v]drawbox=x=0:y=1040:w=iw:h=12:color=white@0.18:t=fill[track];"
  graph+="[track][2:v]overlay=x=-w+w*(n+1)/$FRAMES:y=1040:eval=frame[prog];"
  graph+="[prog][1:v]overlay=x=160+(W-320-w)*(1-cos(2*PI*t/$CLIP_SECONDS))/2:y=780:eval=frame,"
  graph+="$(draw "$FONT_REGULAR" 34 white@0.75 80 56 "hallcast 示例视频  |  sample clip"),"
  graph+="$(draw "$FONT_MONO" 34 white@0.75 w-80-text_w 56 "$name.$ext"),"
  graph+="$(draw "$FONT_BOLD" 128 white '(w-text_w)/2' 300 "$zh"),"
  graph+="$(draw "$FONT_REGULAR" 60 white@0.88 '(w-text_w)/2' 500 "$en"),"
  graph+="drawtext=fontfile=$FONT_MONO:textfile=$counter:fontsize=40:fontcolor=white@0.9:x=160:y=930,"
  graph+="$TO_YUV709[v];"
  graph+="[3:a]aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo"
  if [[ "$ext" == webm ]]; then
    # Opus adds 312 samples of encoder delay (pre-skip). Debian's ffmpeg 5.1
    # then shifts every stream by +6.5 ms (video would start at 0.007 s and the
    # file would last 8.007 s). Dropping the first 312 samples (with a 20 ms
    # fade-in, no click) keeps the video at 0.000 s and the file at 8.000 s.
    graph+=",atrim=start_sample=312,afade=t=in:st=0.0065:d=0.02"
  fi
  graph+="[a]"

  local inputs=(
    -f lavfi -i "color=c=$bg:s=1920x1080:r=$FPS:d=$CLIP_SECONDS"
    -f lavfi -i "color=c=$accent:s=96x96:r=$FPS:d=$CLIP_SECONDS"
    -f lavfi -i "color=c=$accent:s=1920x12:r=$FPS:d=$CLIP_SECONDS"
    -f lavfi -i "aevalsrc=exprs=$wave|$wave:c=stereo:s=48000:d=$CLIP_SECONDS"
  )
  local gop=(-g $((2 * FPS)) -keyint_min $((2 * FPS)))
  local codec
  case "$ext" in
    mp4)
      codec=(-c:v libx264 -profile:v main -preset medium -tune animation -crf 27
             -maxrate 1M -bufsize 2M -sc_threshold 0 "${gop[@]}"
             -c:a aac -b:a 64k -movflags +faststart -f mp4) ;;
    webm)
      codec=(-c:v libvpx-vp9 -crf 38 -b:v 0 -deadline good -cpu-used 2
             -row-mt 0 -tile-columns 0 -threads 1 -auto-alt-ref 1 -lag-in-frames 25 "${gop[@]}"
             -c:a libopus -b:a 64k -f webm) ;;
    *) die "unknown container $ext" ;;
  esac

  "${FFMPEG[@]}" "${inputs[@]}" -filter_complex "$graph" -map '[v]' -map '[a]' \
    -r "$FPS" -t "$CLIP_SECONDS" "${COLOR_TAGS[@]}" \
    "${codec[@]}" "${BITEXACT[@]}" "$tmp"
  mv -f "$tmp" "$out"
}

# --------------------------------------------------------------------------
# Slides
# --------------------------------------------------------------------------

# encode_slide <out.jpg> <filtergraph, one frame> : JPEG (q ~85), 4:2:0
encode_slide() {
  local out="$1" graph="$2" tmp
  tmp="$WORK/$(basename "$out")"
  "${FFMPEG[@]}" -f lavfi -i "$graph" -frames:v 1 -update 1 \
    -pix_fmt yuvj420p -c:v mjpeg -q:v 3 "${BITEXACT[@]}" "$tmp"
  mv -f "$tmp" "$out"
}

# gradient <c0> <c1>: diagonal two-colour background. A fixed seed: the
# gradients source otherwise draws random numbers even with every colour set.
gradient() {
  printf 'gradients=s=1920x1080:r=1:d=1:n=2:c0=%s:c1=%s:x0=0:y0=0:x1=1920:y1=1080:speed=0.00001:seed=1:type=linear,format=rgb24' "$1" "$2"
}

FOOTER="中国移动营业厅  |  Customer Service Hall"

# make_slide <out> <c0> <c1> <accent> <zh heading> <en subheading> <zh1> <en1> [<zh2> <en2> [<zh3> <en3>]]
make_slide() {
  local out="$1" c0="$2" c1="$3" accent="$4" zh="$5" en="$6"
  shift 6
  local graph y=500
  graph="$(gradient "$c0" "$c1")"
  graph+=",$(draw "$FONT_BOLD" 112 white 160 150 "$zh")"
  graph+=",$(draw "$FONT_REGULAR" 54 white@0.88 160 310 "$en")"
  graph+=",drawbox=x=160:y=420:w=180:h=8:color=$accent:t=fill"
  while (($# >= 2)); do
    graph+=",drawbox=x=160:y=$((y + 22)):w=22:h=22:color=$accent:t=fill"
    graph+=",$(draw "$FONT_BOLD" 58 white 216 "$y" "$1")"
    graph+=",$(draw "$FONT_REGULAR" 38 white@0.78 216 $((y + 80)) "$2")"
    y=$((y + 140))
    shift 2
  done
  graph+=",$(draw "$FONT_REGULAR" 30 white@0.6 160 990 "$FOOTER")"
  encode_slide "$out" "$graph"
}

make_idle() {
  local out="$1" graph
  graph="$(gradient 0x062A4F 0x0B5FA5)"
  graph+=",$(draw "$FONT_MONO" 40 white@0.7 '(w-text_w)/2' 300 "hallcast")"
  graph+=",$(draw "$FONT_BOLD" 150 white '(w-text_w)/2' 400 "中国移动 营业厅")"
  graph+=",drawbox=x=(iw-200)/2:y=630:w=200:h=8:color=0x38BDF8:t=fill"
  graph+=",$(draw "$FONT_REGULAR" 64 white@0.9 '(w-text_w)/2' 680 "Customer Service Hall")"
  encode_slide "$out" "$graph"
}

# --------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------

mkdir -p "$VIDEO_DIR" "$IMAGE_DIR"

make_video "$VIDEO_DIR/hall-welcome.mp4"       0x0B4F8A 0x7DD3FC "262 330 392" \
  "欢迎光临 中国移动营业厅" "Welcome to our service hall"
make_video "$VIDEO_DIR/self-service-guide.webm" 0x0F766E 0xFDE68A "294 370 440" \
  "自助终端 办理更快捷" "Self-service kiosks: quicker for simple business"
make_video "$VIDEO_DIR/5g-plans.mp4"           0x5B21B6 0xF0ABFC "330 392 494" \
  "5G 套餐 全新升级" "New 5G plans"
make_video "$VIDEO_DIR/broadband.webm"         0xB45309 0xFEF3C7 "349 440 523" \
  "家庭宽带 预约安装" "Home broadband: book an installation"
make_video "$VIDEO_DIR/evening-calm.mp4"       0x1E1B4B 0xA5B4FC "220 262 330" \
  "温馨夜间 感谢等候" "Thank you for waiting"

make_slide "$IMAGE_DIR/slide-services.jpg" 0x0B4F8A 0x0A84D0 0x7DD3FC \
  "主要业务" "Our main services" \
  "办理入网" "New lines" \
  "套餐变更" "Plan changes" \
  "宽带、缴费" "Broadband and bill payments"
make_slide "$IMAGE_DIR/slide-self-service.jpg" 0x0F766E 0x14A89A 0xFDE68A \
  "以下业务可在自助终端办理" "Use the self-service kiosks to:" \
  "缴费" "Pay bills" \
  "打印发票" "Print invoices" \
  "补换卡" "Replace SIM cards"
make_slide "$IMAGE_DIR/slide-special-care.jpg" 0x9F1239 0xE25822 0xFEF3C7 \
  "爱心窗口 优先服务" "Priority counter for elderly and disabled customers" \
  "老年人、残障人士、孕妇优先办理" "Priority service for seniors, customers with disabilities and pregnant women" \
  "如需帮助 请告知工作人员" "Need help? Please ask a member of staff"
make_slide "$IMAGE_DIR/slide-holiday.jpg" 0xA51C1C 0xE08A0B 0xFEF08A \
  "节日快乐" "Happy holidays" \
  "营业时间调整请留意公告" "Please check our holiday opening hours" \
  "祝您和家人节日愉快" "Best wishes to you and your family"
make_slide "$IMAGE_DIR/slide-weekend.jpg" 0x166534 0x4D9A12 0xFDE68A \
  "周末家庭套餐" "Weekend family plans" \
  "全家共享 一起办理" "One plan for the whole family" \
  "详情请咨询工作人员" "Ask our staff for details"
make_idle "$IMAGE_DIR/idle-branding.jpg"

# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------

FILES=(
  "$VIDEO_DIR/hall-welcome.mp4"
  "$VIDEO_DIR/self-service-guide.webm"
  "$VIDEO_DIR/5g-plans.mp4"
  "$VIDEO_DIR/broadband.webm"
  "$VIDEO_DIR/evening-calm.mp4"
  "$IMAGE_DIR/slide-services.jpg"
  "$IMAGE_DIR/slide-self-service.jpg"
  "$IMAGE_DIR/slide-special-care.jpg"
  "$IMAGE_DIR/slide-holiday.jpg"
  "$IMAGE_DIR/slide-weekend.jpg"
  "$IMAGE_DIR/idle-branding.jpg"
)
total=0
for f in "${FILES[@]}"; do
  size="$(stat -c %s "$f")"
  total=$((total + size))
  printf '%10d  %s\n' "$size" "${f#"$ROOT"/}"
done
printf '%10d  total (%s files)\n' "$total" "${#FILES[@]}"
