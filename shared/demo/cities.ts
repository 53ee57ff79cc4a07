/** Real cities with coordinates and IANA time zones, weighted roughly by size of their tech/creative scene. */
export interface City {
  readonly city: string;
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
  readonly timezone: string;
  readonly currency: string;
  /** Typical hourly rate of a mid-level freelancer there, in EUR (so budgets sum in one currency). */
  readonly rate: number;
  readonly weight: number;
}

const C = (city: string, country: string, lat: number, lon: number, timezone: string, currency: string, rate: number, weight = 1): City => ({
  city, country, lat, lon, timezone, currency, rate, weight,
});

export const CITIES: readonly City[] = [
  C('Lisbon', 'PT', 38.72, -9.14, 'Europe/Lisbon', 'EUR', 45, 2),
  C('Porto', 'PT', 41.15, -8.61, 'Europe/Lisbon', 'EUR', 40),
  C('Madrid', 'ES', 40.42, -3.7, 'Europe/Madrid', 'EUR', 50, 2),
  C('Barcelona', 'ES', 41.39, 2.17, 'Europe/Madrid', 'EUR', 50, 2),
  C('Paris', 'FR', 48.86, 2.35, 'Europe/Paris', 'EUR', 70, 3),
  C('Lyon', 'FR', 45.76, 4.84, 'Europe/Paris', 'EUR', 55),
  C('Amsterdam', 'NL', 52.37, 4.9, 'Europe/Amsterdam', 'EUR', 75, 2),
  C('Rotterdam', 'NL', 51.92, 4.48, 'Europe/Amsterdam', 'EUR', 65),
  C('Brussels', 'BE', 50.85, 4.35, 'Europe/Brussels', 'EUR', 70),
  C('Berlin', 'DE', 52.52, 13.4, 'Europe/Berlin', 'EUR', 70, 3),
  C('Munich', 'DE', 48.14, 11.58, 'Europe/Berlin', 'EUR', 80),
  C('Hamburg', 'DE', 53.55, 9.99, 'Europe/Berlin', 'EUR', 70),
  C('Copenhagen', 'DK', 55.68, 12.57, 'Europe/Copenhagen', 'DKK', 87),
  C('Stockholm', 'SE', 59.33, 18.07, 'Europe/Stockholm', 'SEK', 74),
  C('Oslo', 'NO', 59.91, 10.75, 'Europe/Oslo', 'NOK', 77),
  C('Helsinki', 'FI', 60.17, 24.94, 'Europe/Helsinki', 'EUR', 70),
  C('London', 'GB', 51.51, -0.13, 'Europe/London', 'GBP', 82, 3),
  C('Manchester', 'GB', 53.48, -2.24, 'Europe/London', 'GBP', 64),
  C('Edinburgh', 'GB', 55.95, -3.19, 'Europe/London', 'GBP', 64),
  C('Dublin', 'IE', 53.35, -6.26, 'Europe/Dublin', 'EUR', 70),
  C('Zurich', 'CH', 47.38, 8.54, 'Europe/Zurich', 'CHF', 126),
  C('Vienna', 'AT', 48.21, 16.37, 'Europe/Vienna', 'EUR', 65),
  C('Milan', 'IT', 45.46, 9.19, 'Europe/Rome', 'EUR', 55, 2),
  C('Rome', 'IT', 41.9, 12.5, 'Europe/Rome', 'EUR', 50),
  C('Athens', 'GR', 37.98, 23.73, 'Europe/Athens', 'EUR', 35),
  C('Warsaw', 'PL', 52.23, 21.01, 'Europe/Warsaw', 'PLN', 37),
  C('Prague', 'CZ', 50.08, 14.44, 'Europe/Prague', 'CZK', 36),
  C('Budapest', 'HU', 47.5, 19.04, 'Europe/Budapest', 'HUF', 30),
  C('Tallinn', 'EE', 59.44, 24.75, 'Europe/Tallinn', 'EUR', 50),
  C('Istanbul', 'TR', 41.01, 28.98, 'Europe/Istanbul', 'TRY', 25),
  C('Nairobi', 'KE', -1.29, 36.82, 'Africa/Nairobi', 'KES', 25, 2),
  C('Lagos', 'NG', 6.52, 3.38, 'Africa/Lagos', 'NGN', 15, 2),
  C('Accra', 'GH', 5.6, -0.19, 'Africa/Accra', 'GHS', 15),
  C('Cape Town', 'ZA', -33.92, 18.42, 'Africa/Johannesburg', 'ZAR', 30),
  C('Johannesburg', 'ZA', -26.2, 28.05, 'Africa/Johannesburg', 'ZAR', 30),
  C('Kigali', 'RW', -1.95, 30.06, 'Africa/Kigali', 'RWF', 21),
  C('Cairo', 'EG', 30.04, 31.24, 'Africa/Cairo', 'EGP', 17),
  C('Casablanca', 'MA', 33.57, -7.59, 'Africa/Casablanca', 'MAD', 28),
  C('Dubai', 'AE', 25.2, 55.27, 'Asia/Dubai', 'AED', 55),
  C('Bengaluru', 'IN', 12.97, 77.59, 'Asia/Kolkata', 'INR', 28, 3),
  C('Mumbai', 'IN', 19.08, 72.88, 'Asia/Kolkata', 'INR', 28, 2),
  C('Delhi', 'IN', 28.61, 77.21, 'Asia/Kolkata', 'INR', 24),
  C('Singapore', 'SG', 1.35, 103.82, 'Asia/Singapore', 'SGD', 76, 2),
  C('Jakarta', 'ID', -6.21, 106.85, 'Asia/Jakarta', 'IDR', 26),
  C('Bangkok', 'TH', 13.76, 100.5, 'Asia/Bangkok', 'THB', 31),
  C('Ho Chi Minh City', 'VN', 10.82, 106.63, 'Asia/Ho_Chi_Minh', 'VND', 22),
  C('Manila', 'PH', 14.6, 120.98, 'Asia/Manila', 'PHP', 24),
  C('Tokyo', 'JP', 35.68, 139.69, 'Asia/Tokyo', 'JPY', 49, 2),
  C('Seoul', 'KR', 37.57, 126.98, 'Asia/Seoul', 'KRW', 46),
  C('Taipei', 'TW', 25.03, 121.57, 'Asia/Taipei', 'TWD', 42),
  C('Sydney', 'AU', -33.87, 151.21, 'Australia/Sydney', 'AUD', 66, 2),
  C('Melbourne', 'AU', -37.81, 144.96, 'Australia/Melbourne', 'AUD', 63),
  C('Auckland', 'NZ', -36.85, 174.76, 'Pacific/Auckland', 'NZD', 55),
  C('New York', 'US', 40.71, -74.01, 'America/New_York', 'USD', 101, 3),
  C('Boston', 'US', 42.36, -71.06, 'America/New_York', 'USD', 97),
  C('Washington', 'US', 38.91, -77.04, 'America/New_York', 'USD', 92),
  C('Chicago', 'US', 41.88, -87.63, 'America/Chicago', 'USD', 87),
  C('Austin', 'US', 30.27, -97.74, 'America/Chicago', 'USD', 87),
  C('Denver', 'US', 39.74, -104.99, 'America/Denver', 'USD', 83),
  C('San Francisco', 'US', 37.77, -122.42, 'America/Los_Angeles', 'USD', 129, 3),
  C('Seattle', 'US', 47.61, -122.33, 'America/Los_Angeles', 'USD', 110),
  C('Los Angeles', 'US', 34.05, -118.24, 'America/Los_Angeles', 'USD', 101),
  C('Toronto', 'CA', 43.65, -79.38, 'America/Toronto', 'CAD', 67, 2),
  C('Montreal', 'CA', 45.5, -73.57, 'America/Toronto', 'CAD', 60),
  C('Vancouver', 'CA', 49.28, -123.12, 'America/Vancouver', 'CAD', 67),
  C('Mexico City', 'MX', 19.43, -99.13, 'America/Mexico_City', 'MXN', 35, 2),
  C('Bogotá', 'CO', 4.71, -74.07, 'America/Bogota', 'COP', 26),
  C('Medellín', 'CO', 6.24, -75.58, 'America/Bogota', 'COP', 24),
  C('Lima', 'PE', -12.05, -77.04, 'America/Lima', 'PEN', 30),
  C('Santiago', 'CL', -33.45, -70.67, 'America/Santiago', 'CLP', 29),
  C('Buenos Aires', 'AR', -34.6, -58.38, 'America/Argentina/Buenos_Aires', 'USD', 32, 2),
  C('São Paulo', 'BR', -23.55, -46.63, 'America/Sao_Paulo', 'BRL', 31, 2),
  C('Rio de Janeiro', 'BR', -22.91, -43.17, 'America/Sao_Paulo', 'BRL', 27),
  C('Montevideo', 'UY', -34.9, -56.16, 'America/Montevideo', 'UYU', 41),
];

/**
 * Standard UTC offsets (hours) of the time zones above, used when the host has no Intl time-zone
 * data. Summer time is ignored on purpose: working-hour overlap is a planning estimate.
 */
export const STANDARD_OFFSETS: Readonly<Record<string, number>> = {
  'Europe/Lisbon': 0, 'Europe/London': 0, 'Europe/Dublin': 0, 'Africa/Accra': 0, 'Africa/Casablanca': 1,
  'Europe/Madrid': 1, 'Europe/Paris': 1, 'Europe/Amsterdam': 1, 'Europe/Brussels': 1, 'Europe/Berlin': 1,
  'Europe/Copenhagen': 1, 'Europe/Stockholm': 1, 'Europe/Oslo': 1, 'Europe/Zurich': 1, 'Europe/Vienna': 1,
  'Europe/Rome': 1, 'Europe/Warsaw': 1, 'Europe/Prague': 1, 'Europe/Budapest': 1, 'Africa/Lagos': 1,
  'Europe/Helsinki': 2, 'Europe/Athens': 2, 'Europe/Tallinn': 2, 'Africa/Johannesburg': 2, 'Africa/Kigali': 2,
  'Africa/Cairo': 2, 'Europe/Istanbul': 3, 'Africa/Nairobi': 3, 'Asia/Dubai': 4, 'Asia/Kolkata': 5.5,
  'Asia/Singapore': 8, 'Asia/Jakarta': 7, 'Asia/Bangkok': 7, 'Asia/Ho_Chi_Minh': 7, 'Asia/Manila': 8,
  'Asia/Taipei': 8, 'Asia/Tokyo': 9, 'Asia/Seoul': 9, 'Australia/Sydney': 10, 'Australia/Melbourne': 10,
  'Pacific/Auckland': 12, 'America/New_York': -5, 'America/Toronto': -5, 'America/Chicago': -6,
  'America/Mexico_City': -6, 'America/Denver': -7, 'America/Los_Angeles': -8, 'America/Vancouver': -8,
  'America/Bogota': -5, 'America/Lima': -5, 'America/Santiago': -4, 'America/Argentina/Buenos_Aires': -3,
  'America/Sao_Paulo': -3, 'America/Montevideo': -3, UTC: 0,
};
