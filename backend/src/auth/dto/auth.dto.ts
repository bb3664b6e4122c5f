import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsISO8601, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import {
  ROLES,
  type ChangePasswordRequest,
  type CreateApiKeyRequest,
  type CreateUserRequest,
  type LoginRequest,
  type Role,
  type UpdateUserRequest,
} from '@tradeassist/shared-types';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @Length(1, 64)
  username: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, 200)
  password: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, 200)
  current_password: string;

  @ApiProperty({ format: 'password', minLength: 10 })
  @IsString()
  @Length(1, 200)
  new_password: string;
}

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'trader1', description: 'Lower-cased on save' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: 'must be 3–64 letters, digits, dots, dashes or underscores' })
  username: string;

  @ApiProperty({ format: 'password', minLength: 10, description: 'Initial password; the user must change it at first login' })
  @IsString()
  @Length(1, 200)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'email',
    description: "Where the user's e-mail notifications go; null removes it",
  })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address such as ann@example.com' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '+14155550100',
    description: 'Where urgent alerts go by SMS (E.164); null removes it',
  })
  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'must be a phone number in international form, such as +14155550100' })
  phone?: string | null;

  @ApiPropertyOptional({ format: 'password', description: 'Resets the password; the user must change it at next login' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  password?: string;
}

export class CreateApiKeyDto implements CreateApiKeyRequest {
  @ApiProperty({ example: 'tick loader' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiPropertyOptional({ enum: ROLES, description: 'Scope of the key; at most your own role (default)' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ example: '2027-01-01T00:00:00Z', description: 'No expiry when omitted' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expires_at?: string;
}
