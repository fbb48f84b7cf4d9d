# F0 reference for the front-end's pitch tracker: Praat's autocorrelation pitch (Boersma 1993,
# "To Pitch (ac)" with Praat's default costs and thresholds), sampled at the front-end's frame
# centres t = i * hop. Prints one line per frame: F0 in Hz, or 0 where Praat calls it unvoiced.
# Usage: praat --run praat_pitch.praat <file.wav> <hop seconds> <frames> <floor Hz> <ceiling Hz>
form Pitch at frame centres
  sentence file
  positive hop 0.01
  natural frames 1
  positive floor 60
  positive ceiling 600
endform
sound = Read from file: file$
pitch = To Pitch (ac): hop, floor, 15, "no", 0.03, 0.45, 0.01, 0.35, 0.14, ceiling
for i from 0 to frames - 1
  f0 = Get value at time: i * hop, "Hertz", "linear"
  if f0 = undefined
    appendInfoLine: "0"
  else
    appendInfoLine: fixed$(f0, 4)
  endif
endfor
