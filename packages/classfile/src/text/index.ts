// How Java prints values as text, shared by every package that must print exactly as the JDK does.
export { javaDoubleToString, javaFloatToString } from './java-number-format.js';
