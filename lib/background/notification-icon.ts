/**
 * The notification icon, inline: Chrome requires an icon for a basic notification, and a data URL works without
 * a web-accessible file (48 × 48 PNG: the short and long band colours around a price line).
 */
export const NOTIFICATION_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAj0lEQVR42u3asQmAQAyF4YxhYWnvHk7lGg4pBBeInY0oSuS45/2B9O8rjsAlZg+r64co2Zat0oE/A9UW/BWk9vC3CJXwlwhpgFr4EwIAgARgW6ZQbgAAAAAAkAOoDrFjmAEA0DrA3UO59QG8AQAAxAHjvIZyAwAAAACAHIDfaQAA2FKyK25qW///Yw+1c5sd5Rp4TQWSl+UAAAAASUVORK5CYII=';
