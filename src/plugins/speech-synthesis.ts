// emovox/plugins/speech-synthesis: Web Speech API rate, pitch and voice that follow the user's state.
export {
  defaultSpeechStyles, speechStyle, type SpeechStyle, type SpeechStyleOptions, type SpeechStyler, type StyledUtterance,
} from './adapters/speech-style.ts';
