/**
 * A page's last outcome ("deleted …", "refused: …"), kept as a function of the language so it
 * reads in the language the console shows now, also after a switch.
 */
export interface Message {
  text: () => string;
  bad: boolean;
}
